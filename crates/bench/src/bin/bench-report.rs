//! `cargo run -p gelu-bench --bin bench-report -- GROUP BASELINE`: writes the table of a
//! criterion group to `book/benchmarks/GROUP.md`, with the machine and toolchain it ran on.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group, baseline] = args.as_slice() else {
        eprintln!("usage: bench-report <criterion group> <baseline benchmark id>");
        return ExitCode::FAILURE;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let measurements = match gelu_bench::read_group(&root.join("target/criterion"), group) {
        Ok(measurements) => measurements,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let table = match gelu_bench::markdown_table(&measurements, baseline) {
        Ok(table) => table,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let report = format!(
        "{table}\n*Measured with criterion on {}, {}, `f32` kernels on the `{}` dispatch path; \
         `cargo bench -p gelu-bench -- {group}` then \
         `cargo run -p gelu-bench --bin bench-report -- {group} {baseline}` regenerates this table.*\n",
        gelu_bench::machine(),
        gelu_bench::rustc_version(),
        chapter4::KernelPath::selected().name()
    );
    let out = root.join("book/benchmarks").join(format!("{group}.md"));
    if let Err(error) =
        std::fs::create_dir_all(root.join("book/benchmarks")).and_then(|()| std::fs::write(&out, &report))
    {
        eprintln!("error: {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    print!("{report}");
    println!("wrote {}", out.display());
    ExitCode::SUCCESS
}
