//! Chapter 6 exercises. Edit the files listed below, then run `cargo test -p chapter6`.
//! This file only lists them; solutions/mod.rs is its twin.
#![allow(unused_variables, unused_imports)] // a stub uses neither its parameters nor its imports

pub mod ex6_1_sign_flip;
pub mod ex6_2_paired_interval;
pub mod ex6_3_your_activation;
pub mod ex6_4_soi_backward;
