//! `cargo run -p chapter2 --example chapter2_figures` draws this chapter's figures into book/figures/.
//! `cargo course figures` runs this example for every chapter crate (found by its folder name).

fn main() -> std::process::ExitCode {
    house_style::write_book_figures(chapter2::figures::all())
}
