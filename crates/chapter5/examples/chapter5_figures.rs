//! `cargo run -p chapter5 --example chapter5_figures` draws this chapter's figures into book/figures/.
//! `cargo course figures` runs this example for every chapter crate (found by its folder name).

fn main() -> std::process::ExitCode {
    house_style::write_book_figures(chapter5::figures::all())
}
