//! Chapter 3 exercises. Edit the files listed below, then run `cargo test -p chapter3`.
//! This file only lists them; solutions/mod.rs is its twin.
#![allow(unused_variables, unused_imports)] // a stub uses neither its parameters nor its imports

pub mod ex3_1_normal_cdf;
pub mod ex3_2_mc_estimate;
pub mod ex3_3_samples_needed;
pub mod ex3_4_gate_variance;
