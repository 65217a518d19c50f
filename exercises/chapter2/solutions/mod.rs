//! Chapter 2 exercises. Edit the files listed below, then run `cargo test -p chapter2`.
//! This file only lists them; solutions/mod.rs is its twin.
#![allow(unused_variables, unused_imports)] // a stub uses neither its parameters nor its imports

pub mod ex2_1_relu;
pub mod ex2_2_elu;
pub mod ex2_3_dead_fraction;
pub mod ex2_4_half_dead_bias;
