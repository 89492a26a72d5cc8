//! Synthetic resumes as HTML pages in the styles of résumé themes, for browsers to print to
//! PDF: real producers' PDFs (embedded subset fonts, ToUnicode maps, kerned text) rather than
//! the plain Helvetica ones [`SyntheticResume::to_pdf`] draws.

use super::SyntheticResume;

/// A résumé theme: how the same resume is laid out and styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// One serif column, small-caps headings with a rule under them.
    Classic,
    /// A shaded left sidebar (contacts, skills) beside the main column, in a CSS grid.
    Sidebar,
    /// Main column left, narrow right column; letter-spaced capitals, icon glyphs before
    /// the contacts.
    Modern,
}

impl Theme {
    /// All three.
    pub const ALL: [Theme; 3] = [Theme::Classic, Theme::Sidebar, Theme::Modern];

    /// Short name, for file names.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Classic => "classic",
            Theme::Sidebar => "sidebar",
            Theme::Modern => "modern",
        }
    }

    fn css(self) -> &'static str {
        match self {
            Theme::Classic => {
                "body{font-family:'DejaVu Serif',serif;margin:2.2cm;font-size:10.5pt}
                 h1{font-size:22pt;margin:0} .headline{font-size:12pt;margin:2pt 0 6pt}
                 h2{font-variant:small-caps;font-size:13pt;border-bottom:1px solid #333;margin:14pt 0 6pt}
                 .entry-title{font-weight:bold} ul{margin:2pt 0 6pt 14pt;padding:0}"
            }
            Theme::Sidebar => {
                "body{font-family:'DejaVu Sans',sans-serif;margin:0;font-size:9.5pt}
                 .page{display:grid;grid-template-columns:31% 1fr;min-height:100vh}
                 .side{background:#eef2f6;padding:1.4cm 0.7cm} .main{padding:1.4cm 1cm}
                 h1{font-size:20pt;margin:0 0 4pt} .headline{color:#345;margin:0 0 10pt}
                 h2{font-size:12pt;color:#234;margin:12pt 0 5pt} .side p{margin:2pt 0}
                 .entry-title{font-weight:bold;margin-top:6pt} ul{margin:2pt 0 4pt 12pt;padding:0}"
            }
            Theme::Modern => {
                "body{font-family:'DejaVu Sans',sans-serif;margin:1.5cm;font-size:9.5pt}
                 .page{display:flex;gap:0.9cm} .main{flex:1} .side{width:5.2cm}
                 h1{font-size:24pt;letter-spacing:1pt;margin:0} .headline{margin:2pt 0 12pt;color:#555}
                 h2{text-transform:uppercase;letter-spacing:2pt;font-size:10.5pt;margin:12pt 0 5pt}
                 .side p{margin:3pt 0} .entry-title{font-weight:bold;margin-top:6pt}
                 ul{margin:2pt 0 4pt 12pt;padding:0}"
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl SyntheticResume {
    /// The resume as a standalone HTML page in `theme`'s style.
    pub fn to_html(&self, theme: Theme) -> String {
        let words = self.language.vocabulary();
        let mut main = String::new();
        for (title, lines) in self.sections() {
            main.push_str(&format!("<h2>{}</h2>\n", escape(title)));
            let mut in_list = false;
            for (line, bold) in lines {
                if let Some(bullet) = line.strip_prefix("• ") {
                    if !in_list {
                        main.push_str("<ul>");
                        in_list = true;
                    }
                    main.push_str(&format!("<li>{}</li>", escape(bullet)));
                    continue;
                }
                if in_list {
                    main.push_str("</ul>\n");
                    in_list = false;
                }
                let class = if bold { " class=\"entry-title\"" } else { "" };
                main.push_str(&format!("<div{class}>{}</div>\n", escape(&line)));
            }
            if in_list {
                main.push_str("</ul>\n");
            }
        }
        let skills = format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            escape(words.skills),
            escape(&self.skills.join(", "))
        );
        let name = format!(
            "<h1>{}</h1>\n<div class=\"headline\">{}</div>\n",
            escape(&self.name),
            escape(&self.headline)
        );
        let links: Vec<String> = self
            .links
            .iter()
            .map(|l| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&l.url()),
                    escape(&l.printed)
                )
            })
            .collect();
        let body = match theme {
            Theme::Classic => format!(
                "{name}<div>{} | {} | {}</div>\n{}{main}{skills}",
                escape(&self.location),
                escape(&self.email),
                escape(&self.phone),
                if links.is_empty() {
                    String::new()
                } else {
                    format!("<div>{}</div>\n", links.join(" | "))
                }
            ),
            Theme::Sidebar => format!(
                "<div class=\"page\"><div class=\"side\">{name}<h2>{}</h2><p>{}</p><p>{}</p><p>{}</p>{}{skills}</div>\n<div class=\"main\">{main}</div></div>",
                escape(words.contact),
                escape(&self.email),
                escape(&self.phone),
                escape(&self.location),
                links.iter().map(|l| format!("<p>{l}</p>")).collect::<String>()
            ),
            Theme::Modern => format!(
                "{name}<div class=\"page\"><div class=\"main\">{main}</div>\n<div class=\"side\"><h2>{}</h2><p>✉ {}</p><p>☎ {}</p><p>⌂ {}</p>{}{skills}</div></div>",
                escape(words.contact),
                escape(&self.email),
                escape(&self.phone),
                escape(&self.location),
                links.iter().map(|l| format!("<p>🔗 {l}</p>")).collect::<String>()
            ),
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{}</style></head>\n<body>\n{body}\n</body></html>\n",
            self.language.code(),
            escape(&self.name),
            theme.css()
        )
    }
}
