//! Chapter 5 exercises. Edit the files listed below, then run `cargo test -p chapter5`.
//! This file only lists them; solutions/mod.rs is its twin.
#![allow(unused_variables, unused_imports)] // a stub uses neither its parameters nor its imports

pub mod ex5_1_partials;
pub mod ex5_2_sigma_limit;
pub mod ex5_3_second_moment;
pub mod ex5_4_silu;
pub mod ex5_5_training_step;
