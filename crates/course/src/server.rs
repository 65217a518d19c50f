//! A small static-file HTTP server on 127.0.0.1, std only: it serves the built book to a browser
//! (`cargo course serve`), to headless Chromium for the browser check and for the PDF.
//!
//! Every request is logged, so a check can tell which files were missing. A request for another
//! machine (an absolute URL or `CONNECT`, which is what a browser sends to a proxy) is refused
//! and logged as off the machine: the browser check points Chromium's proxy here, so nothing it
//! loads can leave the machine unseen.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct LoggedRequest {
    pub method: String,
    pub target: String,
    pub status: u16,
    /// The request asked for another machine (through this server as a proxy).
    pub off_machine: bool,
}

/// A response from a [`Site::handler`]: status, content type and body.
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// A request passed to a [`Site::handler`]: method, path (no query) and body.
pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub body: &'a [u8],
}

type Handler = dyn Fn(&Request) -> Option<Response> + Send + Sync;

/// What the server serves: files under `root`, an optional snippet inserted right after `<head>`
/// of every HTML page, and a handler that may answer a request before the files are looked up.
pub struct Site {
    pub root: PathBuf,
    pub head_snippet: Option<String>,
    pub handler: Option<Box<Handler>>,
    pub log: Mutex<Vec<LoggedRequest>>,
}

impl Site {
    pub fn new(root: PathBuf) -> Site {
        Site { root, head_snippet: None, handler: None, log: Mutex::new(Vec::new()) }
    }

    /// The requests logged so far.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

/// Binds 127.0.0.1 on the first free port of `ports`.
pub fn bind(ports: impl IntoIterator<Item = u16>) -> Result<TcpListener, String> {
    let mut last_error = String::from("no port to try");
    for port in ports {
        match TcpListener::bind(("127.0.0.1", port)) {
            Ok(listener) => return Ok(listener),
            Err(error) => last_error = format!("port {port}: {error}"),
        }
    }
    Err(format!("could not listen on localhost ({last_error})"))
}

/// Serves `site` on `listener` on a background thread, one thread per connection, until the
/// process ends.
pub fn spawn(listener: TcpListener, site: Arc<Site>) {
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                // A client that hangs up mid-request is not the server's problem.
                let _ = answer(stream, &site);
            });
        }
    });
}

fn answer(stream: TcpStream, site: &Site) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or("").to_owned(), words.next().unwrap_or("").to_owned());
    let mut content_length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; content_length.min(16 << 20)];
    reader.read_exact(&mut body)?;

    let off_machine = method == "CONNECT" || target.starts_with("http://") || target.starts_with("https://");
    let response = if off_machine {
        text(403, "requests for other machines are refused")
    } else {
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let request = Request { method: &method, path, body: &body };
        match site.handler.as_ref().and_then(|handler| handler(&request)) {
            Some(response) => response,
            None => file_response(site, path),
        }
    };
    if let Ok(mut log) = site.log.lock() {
        log.push(LoggedRequest { method, target, status: response.status, off_machine });
    }
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    )?;
    stream.write_all(&response.body)?;
    stream.flush()
}

/// A plain-text response.
pub fn text(status: u16, body: &str) -> Response {
    Response { status, content_type: "text/plain; charset=utf-8", body: body.as_bytes().to_vec() }
}

fn file_response(site: &Site, url_path: &str) -> Response {
    let Some(mut file) = file_for(&site.root, url_path) else {
        return text(404, "not found");
    };
    if file.is_dir() {
        file = file.join("index.html");
    }
    let Ok(mut body) = std::fs::read(&file) else {
        return text(404, "not found");
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html")
        && let Some(snippet) = &site.head_snippet
    {
        body = insert_after_head(&body, snippet);
    }
    Response { status: 200, content_type, body }
}

/// The file a URL path names under `root`, or None when it would leave `root`.
fn file_for(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path.trim_start_matches('/'));
    let relative = Path::new(&decoded);
    let inside = relative.components().all(|part| matches!(part, Component::Normal(_)));
    inside.then(|| root.join(relative))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes.get(index + 1..index + 3).and_then(|pair| std::str::from_utf8(pair).ok());
        match (bytes[index], hex.and_then(|pair| u8::from_str_radix(pair, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn insert_after_head(html: &[u8], snippet: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match text.find("<head>") {
        Some(at) => {
            let split = at + "<head>".len();
            format!("{}{snippet}{}", &text[..split], &text[split..]).into_bytes()
        }
        None => html.to_vec(),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|extension| extension.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "ico" => "image/x-icon",
        "csv" | "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(port: u16, target: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        reply
    }

    #[test]
    fn serves_files_injects_the_snippet_and_logs_what_it_refused() {
        let root = std::env::temp_dir().join(format!("course-server-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("index.html"), "<html><head><title>t</title></head></html>").unwrap();
        std::fs::write(root.join("sub/a b.css"), "body {}").unwrap();
        std::fs::write(root.parent().unwrap().join("course-secret.txt"), "secret").unwrap();
        let mut site = Site::new(root.clone());
        site.head_snippet = Some("<script>1</script>".to_owned());
        let site = Arc::new(site);
        let listener = bind(0..=0).unwrap();
        let port = listener.local_addr().unwrap().port();
        spawn(listener, Arc::clone(&site));

        let page = get(port, "/");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        assert!(page.contains("<head><script>1</script><title>"), "{page}");
        assert!(get(port, "/sub/a%20b.css?x=1").contains("text/css"));
        assert!(get(port, "/../course-secret.txt").starts_with("HTTP/1.1 404"));
        assert!(get(port, "/missing.png").starts_with("HTTP/1.1 404"));
        assert!(get(port, "http://example.com/x.js").starts_with("HTTP/1.1 403"));

        let log = site.requests();
        let missing: Vec<_> = log.iter().filter(|r| r.status == 404).map(|r| r.target.as_str()).collect();
        assert_eq!(missing, ["/../course-secret.txt", "/missing.png"]);
        let off: Vec<_> = log.iter().filter(|r| r.off_machine).map(|r| r.target.as_str()).collect();
        assert_eq!(off, ["http://example.com/x.js"]);
        std::fs::remove_dir_all(root).unwrap();
    }
}
