//! `cargo run -p chapter3 --example chapter3_figures` draws this chapter's figures into book/figures/.
//! `cargo course figures` runs this example for every chapter crate (found by its folder name).

fn main() -> std::process::ExitCode {
    house_style::write_book_figures(chapter3::figures::all())
}
