//! Finding headless Chromium (or Chrome), for the browser check and `cargo course pdf`.

use std::path::PathBuf;
use std::process::Command;

/// The environment variable that names a Chromium binary to use instead of searching PATH.
pub const CHROMIUM_VAR: &str = "COURSE_CHROMIUM";

/// What to tell someone who has no Chromium.
pub const INSTALL_HINT: &str = "install Chromium (Debian or Ubuntu: `sudo apt install chromium`; \
Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`), or set \
COURSE_CHROMIUM to a Chromium or Chrome binary";

/// The first Chromium-like browser found: `$COURSE_CHROMIUM`, then chromium, chromium-browser,
/// google-chrome and google-chrome-stable on PATH. A candidate counts only if `--version` runs.
pub fn find() -> Option<PathBuf> {
    let named = std::env::var_os(CHROMIUM_VAR).map(PathBuf::from);
    let on_path = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .into_iter()
        .flat_map(|name| {
            let dirs: Vec<PathBuf> =
                std::env::var_os("PATH").iter().flat_map(std::env::split_paths).collect();
            dirs.into_iter().map(move |dir| dir.join(name))
        });
    named.into_iter().chain(on_path).find(|candidate| {
        candidate.is_file()
            && Command::new(candidate).arg("--version").output().is_ok_and(|output| output.status.success())
    })
}

/// Chromium's own services that call Google's servers (the network clock, optimisation hints,
/// autofill, translation, media routing): off, so every request it makes comes from the page.
const CHROMIUM_SERVICES: [&str; 9] = [
    "NetworkTimeServiceQuerying",
    "OptimizationHints",
    "OptimizationHintsFetching",
    "OptimizationGuideModelDownloading",
    "AutofillServerCommunication",
    "Translate",
    "MediaRouter",
    "CertificateTransparencyComponentUpdater",
    "InterestFeedContentSuggestions",
];

/// `chromium --headless` with the flags every use here shares: no sandbox (CI runs as root), no
/// GPU, a fresh profile in `profile`, and no background traffic of its own.
pub fn headless(binary: &PathBuf, profile: &std::path::Path) -> Command {
    let mut command = Command::new(binary);
    command
        .arg("--headless")
        .args(["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .args(["--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars"])
        .args(["--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings"])
        .args(["--disable-breakpad", "--metrics-recording-only", "--safebrowsing-disable-auto-update"])
        .arg(format!("--disable-features={}", CHROMIUM_SERVICES.join(",")))
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}
