//! Running child commands with their output shown, and reporting failures by name.

use std::path::Path;
use std::process::Command;

/// Runs `command` in `dir`, streaming its output; Err names the step if it fails to start or exits
/// non-zero.
pub fn run(step: &str, command: &mut Command, dir: &Path) -> Result<(), String> {
    println!("\n==> {step}\n    $ {}", describe(command));
    let status = command
        .current_dir(dir)
        .status()
        .map_err(|error| format!("{step}: could not start {}: {error}", describe(command)))?;
    if status.success() { Ok(()) } else { Err(format!("{step}: failed ({status})")) }
}

/// The command as a shell-like line, for logs.
pub fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}
