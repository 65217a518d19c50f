//! `cargo run -p chapter5 --example chapter5_figures` draws this chapter's figures into book/figures/
//! and writes the explorer page's curves, book/data/explorer/curves.js (`chapter5::explorer`).
//! `cargo course figures` runs this example for every chapter crate (found by its folder name).

use std::process::ExitCode;

fn main() -> ExitCode {
    let figures = house_style::write_book_figures(chapter5::figures::all());
    let data = match chapter5::explorer::write_explorer_data(&chapter5::explorer::book_dir()) {
        Ok(_) => {
            println!("wrote book/{}", chapter5::explorer::DATA_FILE);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    };
    if figures == ExitCode::SUCCESS { data } else { figures }
}
