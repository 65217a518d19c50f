//! Chapter 1 exercises. Edit the files listed below, then run `cargo test -p chapter1`.
//! This file only lists them; solutions/mod.rs is its twin.
#![allow(unused_variables, unused_imports)] // a stub uses neither its parameters nor its imports

pub mod ex1_1_keep_mask;
pub mod ex1_2_inverted_dropout;
pub mod ex1_3_kept_count_histogram;
pub mod ex1_4_dropout_variance;
