//! Chapter 4 exercises. Edit the files listed below, then run `cargo test -p chapter4`.
//! This file only lists them; solutions/mod.rs is its twin.
// A stub uses neither its parameters, its imports nor its constants.
#![allow(unused_variables, unused_imports, dead_code)]

pub mod ex4_1_gelu_tanh;
pub mod ex4_2_minimax_cubic;
pub mod ex4_3_logistic_scale;
pub mod ex4_4_left_tail;
pub mod ex4_5_sigmoid_kernel;
