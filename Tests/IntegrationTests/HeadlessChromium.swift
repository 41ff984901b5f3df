import Foundation
import WindMakerTestSupport

/// Debian's `chromium`, headless, for checking that a page renders: what every `<svg>` measures once laid out, the
/// errors the page raised, and a screenshot.
enum HeadlessChromium {
    struct Probe: Decodable {
        struct Chart: Decodable {
            let width: Double
            let height: Double
            /// Lines, rectangles, circles and polylines with a non-empty bounding box.
            let drawn: Int
        }

        let charts: [Chart]
        /// Script errors, failed loads (caught as `error` events) and `console.error` calls.
        let errors: [String]
        /// Every `src` or `href` in the page: a self-contained page needs none.
        let references: [String]
    }

    static let executable = URL(fileURLWithPath: "/usr/bin/chromium")

    /// The script put first into a copy of the page: it records errors from the very start and, once the page has
    /// loaded, writes its measurements into a `<pre id="probe">` that `--dump-dom` prints.
    private static let probeScript = """
        <script>
        window.__errors = [];
        window.addEventListener('error', e => window.__errors.push(String(e.message || (e.target && (e.target.src || e.target.href)) || e.type)), true);
        const originalError = console.error;
        console.error = (...parts) => { window.__errors.push(parts.join(' ')); originalError(...parts); };
        window.addEventListener('load', () => {
          const charts = [...document.querySelectorAll('body svg')].map(svg => {
            const box = svg.getBoundingClientRect();
            const drawn = [...svg.querySelectorAll('polyline, rect, circle, line')].filter(shape => {
              const b = shape.getBBox(); return b.width > 0 || b.height > 0; }).length;
            return { width: box.width, height: box.height, drawn };
          });
          const references = [...document.querySelectorAll('[src], [href]')].filter(e => e.id !== 'probe-script')
            .map(e => e.getAttribute('src') || e.getAttribute('href'));
          const pre = document.createElement('pre');
          pre.id = 'probe';
          pre.textContent = JSON.stringify({ charts, errors: window.__errors, references });
          document.body.appendChild(pre);
        });
        </script>
        """

    /// Loads a copy of `page` with the probe and returns what it measured, with Chromium's own console log lines.
    static func probe(_ page: String, in directory: String) async throws -> (probe: Probe, log: String) {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        guard let head = html.range(of: "<head>") else { throw ChromiumError("the page has no <head>") }
        let probed = "\(directory)/probed.html"
        try (String(html[..<head.upperBound]) + Self.probeScript + String(html[head.upperBound...]))
            .write(toFile: probed, atomically: true, encoding: .utf8)
        let run = try await Self.run(["--dump-dom", "--virtual-time-budget=3000", "file://\(probed)"], in: directory)
        guard let start = run.range(of: "<pre id=\"probe\">"),
            let end = run.range(of: "</pre>", range: start.upperBound ..< run.endIndex)
        else { throw ChromiumError("no probe result in Chromium's output:\n\(run.suffix(2_000))") }
        let json = String(run[start.upperBound ..< end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return (try JSONDecoder().decode(Probe.self, from: Data(json.utf8)), run)
    }

    /// Takes a screenshot of `page` at 1280 × `height` pixels into `png`.
    static func screenshot(_ page: String, to png: String, height: Int = 2400, in directory: String) async throws {
        _ = try await Self.run(
            ["--hide-scrollbars", "--window-size=1280,\(height)", "--screenshot=\(png)", "file://\(page)"],
            in: directory
        )
    }

    private static func run(_ arguments: [String], in directory: String) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw ChromiumError("\(Self.executable.path) is missing: scripts/install-deps installs Debian's chromium")
        }
        // No sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
        let run = try await CommandRun.run(
            at: Self.executable,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(directory)/chromium-profile", "--enable-logging=stderr", "--v=0",
            ] + arguments,
            environment: ["HOME": directory, "PATH": "/usr/bin:/bin"],
            timeout: .seconds(90)
        )
        guard run.status == 0 else { throw ChromiumError("chromium exited with \(run.status):\n\(run.output)") }
        return run.output
    }
}

struct ChromiumError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
