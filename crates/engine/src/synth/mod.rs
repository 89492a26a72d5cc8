//! Synthetic resumes with known fields, rendered as PDF (one or two columns), DOCX and text.
//!
//! Tests, benchmarks and the corpus generator use these instead of real people's files. The
//! same seed always gives the same resume and the same bytes.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::io::{Cursor, Write};

/// A job on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Title.
    pub title: String,
    /// Employer.
    pub company: String,
    /// `YYYY-MM`.
    pub start: String,
    /// `YYYY-MM`, or None for a current job.
    pub end: Option<String>,
}

/// A school on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    /// Institution.
    pub institution: String,
    /// Degree.
    pub degree: String,
    /// Graduation year.
    pub year: u32,
}

/// A certification on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certification {
    /// e.g. "AWS Certified Solutions Architect".
    pub name: String,
    /// Who issued it.
    pub issuer: String,
    /// Year obtained.
    pub year: u32,
}

/// A web link printed in a synthetic resume's contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedLink {
    /// As printed, without a scheme: "github.com/annaschmidt7".
    pub printed: String,
    /// The network ("GitHub", "LinkedIn"), or None for the personal site (`basics.url`).
    pub network: Option<&'static str>,
    /// The handle on the network.
    pub username: Option<String>,
}

impl PrintedLink {
    /// The absolute URL a parser should report.
    pub fn url(&self) -> String {
        format!("https://{}", self.printed)
    }
}

/// A resume whose every field is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticResume {
    /// Full name.
    pub name: String,
    /// Headline.
    pub headline: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// "City, Country".
    pub location: String,
    /// Jobs, newest first.
    pub jobs: Vec<Job>,
    /// Schools.
    pub schools: Vec<School>,
    /// Skills.
    pub skills: Vec<String>,
    /// Certifications (none on some resumes).
    pub certificates: Vec<Certification>,
    /// Personal site and profiles printed under the contacts (none on some resumes).
    pub links: Vec<PrintedLink>,
    /// Bullet points under each job: 1 keeps a resume on one page, 40 takes it to two or three.
    pub bullets_per_job: usize,
    /// The language it is written in.
    pub language: Language,
}

/// The language of a synthetic resume: headings, month names, titles, degrees and schools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Portuguese.
    Portuguese,
}

/// What changes from one language to another.
struct Vocabulary {
    experience: &'static str,
    education: &'static str,
    skills: &'static str,
    certificates: &'static str,
    contact: &'static str,
    present: &'static str,
    months: [&'static str; 12],
    titles: &'static [&'static str],
    degrees: &'static [&'static str],
    schools: &'static [&'static str],
    delivered: &'static str,
}

impl Language {
    /// All five.
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Portuguese,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
        }
    }

    fn vocabulary(self) -> Vocabulary {
        match self {
            Language::English => Vocabulary {
                experience: "Experience",
                education: "Education",
                skills: "Skills",
                certificates: "Certifications",
                contact: "Contact",
                present: "Present",
                months: [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ],
                titles: TITLES,
                degrees: DEGREES,
                schools: SCHOOLS,
                delivered: "Delivered projects as",
            },
            Language::German => Vocabulary {
                experience: "Berufserfahrung",
                education: "Ausbildung",
                skills: "Kenntnisse",
                certificates: "Zertifikate",
                contact: "Kontakt",
                present: "heute",
                months: [
                    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                    "Nov.", "Dez.",
                ],
                titles: &[
                    "Softwareentwickler",
                    "Datenanalystin",
                    "Produktmanager",
                    "Projektleiterin",
                    "Werkstudent",
                ],
                degrees: &[
                    "B.Sc. Informatik",
                    "M.Sc. Wirtschaftsinformatik",
                    "Diplom-Ingenieur Maschinenbau",
                ],
                schools: &[
                    "Technische Universität Dresden",
                    "Universität Wien",
                    "Hochschule München",
                ],
                delivered: "Projekte umgesetzt als",
            },
            Language::French => Vocabulary {
                experience: "Expérience professionnelle",
                education: "Formation",
                skills: "Compétences",
                certificates: "Certifications",
                contact: "Contact",
                present: "aujourd'hui",
                months: [
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ],
                titles: &[
                    "Ingénieur logiciel",
                    "Analyste de données",
                    "Chef de projet",
                    "Développeur web",
                ],
                degrees: &[
                    "Master en informatique",
                    "Licence en mathématiques",
                    "Diplôme d'ingénieur",
                ],
                schools: &[
                    "Université de Lyon",
                    "École Centrale de Nantes",
                    "Université de Bordeaux",
                ],
                delivered: "Projets livrés en tant que",
            },
            Language::Spanish => Vocabulary {
                experience: "Experiencia laboral",
                education: "Educación",
                skills: "Habilidades",
                certificates: "Certificaciones",
                contact: "Contacto",
                present: "actualidad",
                months: [
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                ],
                titles: &[
                    "Ingeniero de software",
                    "Analista de datos",
                    "Gerente de producto",
                    "Desarrollador web",
                ],
                degrees: &[
                    "Grado en Ingeniería Informática",
                    "Máster en Ciencia de Datos",
                    "Licenciatura en Economía",
                ],
                schools: &[
                    "Universidad de Sevilla",
                    "Universidad Politécnica de Madrid",
                    "Universidad de Granada",
                ],
                delivered: "Proyectos entregados como",
            },
            Language::Portuguese => Vocabulary {
                experience: "Experiência profissional",
                education: "Formação acadêmica",
                skills: "Competências",
                certificates: "Certificações",
                contact: "Contato",
                present: "atual",
                months: [
                    "janeiro",
                    "fevereiro",
                    "março",
                    "abril",
                    "maio",
                    "junho",
                    "julho",
                    "agosto",
                    "setembro",
                    "outubro",
                    "novembro",
                    "dezembro",
                ],
                titles: &[
                    "Engenheiro de software",
                    "Analista de dados",
                    "Gerente de produto",
                    "Desenvolvedor web",
                ],
                degrees: &[
                    "Bacharelado em Ciência da Computação",
                    "Mestrado em Engenharia",
                    "Licenciatura em Matemática",
                ],
                schools: &[
                    "Universidade de Coimbra",
                    "Universidade de São Paulo",
                    "Universidade Federal do Paraná",
                ],
                delivered: "Projetos entregues como",
            },
        }
    }
}

/// Page layout of a rendered PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One column, top to bottom.
    OneColumn,
    /// Contacts and skills in a left sidebar, experience and education on the right.
    TwoColumn,
}

const FIRST: &[&str] = &[
    "Jane", "Lukas", "Amélie", "Sofía", "João", "Priya", "Tom", "Hannah", "Mateo", "Chloé", "Aiko",
    "Omar",
];
const LAST: &[&str] = &[
    "Doe",
    "Müller",
    "Dubois",
    "García",
    "Silva",
    "Sharma",
    "Baker",
    "Schmidt",
    "Fernández",
    "Martin",
    "Tanaka",
    "Haddad",
];
const TITLES: &[&str] = &[
    "Software Engineer",
    "Data Analyst",
    "Product Manager",
    "Backend Developer",
    "DevOps Engineer",
    "UX Designer",
    "Site Reliability Engineer",
    "Data Scientist",
];
const CERTIFICATIONS: &[(&str, &str)] = &[
    ("AWS Certified Solutions Architect", "Amazon Web Services"),
    ("Professional Scrum Master I", "Scrum.org"),
    ("Google Data Analytics Certificate", "Google"),
    ("CCNA", "Cisco"),
    ("ITIL 4 Foundation", "Axelos"),
    (
        "Certified Kubernetes Administrator",
        "Cloud Native Computing Foundation",
    ),
];

const COMPANIES: &[&str] = &[
    "Acme Corp",
    "Globex GmbH",
    "Initech Inc.",
    "Umbrella Ltd",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli LLC",
    "Vandelay Industries",
];
const SCHOOLS: &[&str] = &[
    "Technical University of Munich",
    "University of Lisbon",
    "Stanford University",
    "École Polytechnique",
    "University of Barcelona",
    "Imperial College London",
];
const DEGREES: &[&str] = &[
    "B.Sc. in Computer Science",
    "M.Sc. in Data Science",
    "Bachelor of Arts in Design",
    "Master of Engineering",
    "MBA",
];
const SKILLS: &[&str] = &[
    "Rust",
    "Python",
    "SQL",
    "Kubernetes",
    "React",
    "Go",
    "Docker",
    "PostgreSQL",
    "AWS",
    "Figma",
    "TypeScript",
    "Terraform",
];
const CITIES: &[&str] = &[
    "Berlin, Germany",
    "Lisbon, Portugal",
    "Paris, France",
    "Madrid, Spain",
    "Austin, TX",
    "London, UK",
];

/// A small deterministic generator (SplitMix64), so fixtures never depend on a crate's RNG.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

impl SyntheticResume {
    /// The English resume for `seed`.
    pub fn generate(seed: u64) -> SyntheticResume {
        SyntheticResume::generate_in(seed, Language::English)
    }

    /// The resume for `seed`, written in `language`.
    pub fn generate_in(seed: u64, language: Language) -> SyntheticResume {
        let words = language.vocabulary();
        let mut r = Mix(seed);
        let first = r.pick(FIRST);
        let last = r.pick(LAST);
        let ascii = |s: &str| -> String { crate::parse::fold_ascii(s) };
        let n_jobs = 1 + (r.next() % 3) as usize;
        let mut year = 2024 - (r.next() % 3) as u32;
        let mut jobs = Vec::new();
        for i in 0..n_jobs {
            let length = 1 + (r.next() % 4) as u32;
            let start_month = 1 + (r.next() % 12) as u32;
            jobs.push(Job {
                title: r.pick(words.titles).to_owned(),
                company: r.pick(COMPANIES).to_owned(),
                start: format!("{}-{start_month:02}", year - length),
                end: (i > 0).then(|| format!("{year}-{:02}", 1 + (r.next() % 12))),
            });
            year -= length + 1;
        }
        let handle = format!("{}{}", ascii(first), ascii(last)).to_lowercase();
        let network = |name: &'static str, host: &str, username: String| PrintedLink {
            printed: format!("{host}/{username}"),
            network: Some(name),
            username: Some(username),
        };
        let linkedin = network(
            "LinkedIn",
            "linkedin.com/in",
            format!("{}-{}-{}", ascii(first), ascii(last), seed % 1000).to_lowercase(),
        );
        // Drawn from the seed, not the generator, so the other fields stay as they were.
        let links = match seed % 3 {
            0 => vec![
                network("GitHub", "github.com", format!("{handle}{}", seed % 100)),
                linkedin,
            ],
            1 => vec![
                PrintedLink {
                    printed: format!("{handle}.dev"),
                    network: None,
                    username: None,
                },
                linkedin,
            ],
            _ => Vec::new(),
        };
        let mut skills: Vec<String> = Vec::new();
        while skills.len() < 5 {
            let s = r.pick(SKILLS).to_owned();
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        SyntheticResume {
            name: format!("{first} {last}"),
            headline: r.pick(words.titles).to_owned(),
            email: format!(
                "{}.{}{}@example.com",
                ascii(first),
                ascii(last),
                seed % 1000
            ),
            phone: format!("+49 30 {:07}", r.next() % 10_000_000),
            location: r.pick(CITIES).to_owned(),
            jobs,
            schools: vec![School {
                institution: r.pick(words.schools).to_owned(),
                degree: r.pick(words.degrees).to_owned(),
                year: year - (r.next() % 2) as u32,
            }],
            skills,
            certificates: (0..r.next() % 3)
                .map(|k| {
                    let (name, issuer) =
                        CERTIFICATIONS[(seed as usize + k as usize * 2) % CERTIFICATIONS.len()];
                    Certification {
                        name: name.to_owned(),
                        issuer: issuer.to_owned(),
                        year: 2024 - (r.next() % 8) as u32,
                    }
                })
                .collect(),
            links,
            bullets_per_job: match seed % 4 {
                2 => 16,
                3 => 40,
                _ => 1,
            },
            language,
        }
    }

    fn month_year(&self, iso: &str) -> String {
        let names = self.language.vocabulary().months;
        let (y, m) = iso.split_once('-').unwrap_or((iso, "01"));
        let m: usize = m.parse().unwrap_or(1);
        format!("{} {y}", names[(m.clamp(1, 12)) - 1])
    }

    /// "Jan 2020 – Present", in the resume's language.
    fn job_dates(&self, j: &Job) -> String {
        let end = j
            .end
            .as_deref()
            .map(|e| self.month_year(e))
            .unwrap_or_else(|| self.language.vocabulary().present.to_owned());
        format!("{} – {end}", self.month_year(&j.start))
    }

    /// What the job's bullet points say, without their bullets.
    fn job_bullets(&self, j: &Job) -> Vec<String> {
        let words = self.language.vocabulary();
        (1..=self.bullets_per_job)
            .map(|k| {
                let number = if self.bullets_per_job > 1 {
                    format!(", #{k}")
                } else {
                    String::new()
                };
                format!(
                    "{} {} ({}){number}",
                    words.delivered,
                    j.title.to_lowercase(),
                    j.company
                )
            })
            .collect()
    }

    fn job_lines(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for j in &self.jobs {
            out.push((j.title.clone(), true));
            out.push((format!("{} | {}", j.company, self.job_dates(j)), false));
            out.extend(
                self.job_bullets(j)
                    .into_iter()
                    .map(|b| (format!("• {b}"), false)),
            );
        }
        out
    }

    fn certificate_lines(&self) -> Vec<(String, bool)> {
        self.certificates
            .iter()
            .map(|c| (format!("{} – {}, {}", c.name, c.issuer, c.year), false))
            .collect()
    }

    /// The sections under the header, in order, with their lines; empty ones left out.
    fn sections(&self) -> Vec<(&'static str, Vec<(String, bool)>)> {
        let words = self.language.vocabulary();
        [
            (words.experience, self.job_lines()),
            (words.education, self.school_lines()),
            (words.certificates, self.certificate_lines()),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
    }

    fn school_lines(&self) -> Vec<(String, bool)> {
        self.schools
            .iter()
            .flat_map(|s| {
                [
                    (s.institution.clone(), true),
                    (format!("{} | {}", s.degree, s.year), false),
                ]
            })
            .collect()
    }

    /// The links as one contact line: "annaschmidt.dev | linkedin.com/in/anna-schmidt-1".
    fn links_line(&self) -> String {
        self.links
            .iter()
            .map(|l| l.printed.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Plain text.
    pub fn to_text(&self) -> String {
        let words = self.language.vocabulary();
        let mut out = format!(
            "{}\n{}\n{} | {} | {}\n",
            self.name, self.headline, self.location, self.email, self.phone
        );
        if !self.links.is_empty() {
            out.push_str(&self.links_line());
            out.push('\n');
        }
        for (title, lines) in self.sections() {
            out.push_str(&format!("\n{title}\n"));
            for (line, _) in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push_str(&format!("\n{}\n{}\n", words.skills, self.skills.join(", ")));
        out
    }

    /// RTF, as WordPad writes it: Windows-1252 escapes for accents, `\u` for the rest.
    pub fn to_rtf(&self) -> Vec<u8> {
        let mut out = String::from(
            "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n\\f0\\fs22 ",
        );
        let headings: Vec<&str> = self.sections().iter().map(|(t, _)| *t).collect();
        for line in self.to_text().lines() {
            let bold = headings.contains(&line) || line == self.name;
            if bold {
                out.push_str("{\\b ");
            }
            for c in line.chars() {
                match c {
                    '\\' | '{' | '}' => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if c.is_ascii() => out.push(c),
                    c => {
                        let mut buffer = [0; 4];
                        let (bytes, _, unmappable) =
                            encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
                        if unmappable {
                            out.push_str(&format!("\\u{}?", c as u32 as i16));
                        } else {
                            out.push_str(&format!("\\'{:02x}", bytes[0]));
                        }
                    }
                }
            }
            if bold {
                out.push('}');
            }
            out.push_str("\\par\n");
        }
        out.push('}');
        out.into_bytes()
    }

    /// A PDF with a real text layer in the standard Helvetica fonts; links are underlined.
    pub fn to_pdf(&self, layout: Layout) -> Vec<u8> {
        self.pdf(layout, Rule::Under)
    }

    /// The one-column PDF with the rule of each link drawn through its letters, as some
    /// design tools export underlined links (and as scans of them then show).
    pub fn to_pdf_with_struck_links(&self) -> Vec<u8> {
        self.pdf(Layout::OneColumn, Rule::Through)
    }

    fn pdf(&self, layout: Layout, link_rule: Rule) -> Vec<u8> {
        let words = self.language.vocabulary();
        let mut page = PageWriter::default();
        match layout {
            Layout::OneColumn => {
                let mut y = 800.0;
                page.text(50.0, y, 20.0, true, &self.name);
                y -= 22.0;
                page.text(50.0, y, 12.0, false, &self.headline);
                y -= 16.0;
                page.text(
                    50.0,
                    y,
                    10.0,
                    false,
                    &format!("{} | {} | {}", self.location, self.email, self.phone),
                );
                let mut x = 50.0;
                for (i, link) in self.links.iter().enumerate() {
                    if i == 0 {
                        y -= 14.0;
                    } else {
                        page.text(x, y, 10.0, false, "|");
                        x += 10.0;
                    }
                    x = page.link(x, y, 10.0, &link.printed, link_rule) + 6.0;
                }
                y = self.write_sections(&mut page, 50.0, y - 30.0, (18.0, 14.0));
                y = page.room(y - 18.0) + 18.0;
                page.text(50.0, y, 13.0, true, words.skills);
                page.text(50.0, y - 18.0, 10.0, false, &self.skills.join(", "));
            }
            Layout::TwoColumn => {
                page.text(40.0, 800.0, 20.0, true, &self.name);
                page.text(40.0, 778.0, 12.0, false, &self.headline);
                // Sidebar: smaller type on its own rhythm, as real templates have.
                let mut y = 740.0;
                page.text(40.0, y, 12.0, true, words.contact);
                y -= 17.0;
                for line in [
                    self.email.as_str(),
                    self.phone.as_str(),
                    self.location.as_str(),
                ] {
                    page.text(40.0, y, 9.0, false, line);
                    y -= 12.5;
                }
                for link in &self.links {
                    page.link(40.0, y, 9.0, &link.printed, link_rule);
                    y -= 12.5;
                }
                y -= 14.0;
                page.text(40.0, y, 12.0, true, words.skills);
                y -= 17.0;
                for s in &self.skills {
                    page.text(40.0, y, 9.0, false, s);
                    y -= 12.5;
                }
                // The main column runs on over later pages, alone.
                self.write_sections(&mut page, 230.0, 736.0, (19.0, 14.5));
            }
        }
        page.footers(&format!("{} · Curriculum Vitae", self.name));
        page.finish(None)
    }

    /// Writes the sections down from `y` at `x`, starting new pages as they fill; `steps` are
    /// the space under a heading and under a line. Returns where the next line would go.
    fn write_sections(&self, page: &mut PageWriter, x: f64, mut y: f64, steps: (f64, f64)) -> f64 {
        let (heading_step, line_step) = steps;
        for (title, lines) in self.sections() {
            // A heading never ends a page alone.
            y = page.room(y - heading_step) + heading_step;
            page.text(x, y, 13.0, true, title);
            y -= heading_step;
            for (line, bold) in lines {
                y = page.room(y);
                page.text(x, y, 10.0, bold, &line);
                y -= line_step;
            }
            y -= 12.0;
        }
        y
    }

    /// A DOCX (contacts in the page header, skills in a table).
    pub fn to_docx(&self) -> Vec<u8> {
        let p = |text: &str, bold: bool| -> String {
            let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
            format!(
                "<w:p><w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(text)
            )
        };
        let words = self.language.vocabulary();
        let mut body = p(&self.name, true) + &p(&self.headline, false);
        for (title, lines) in self.sections() {
            body += &p(title, true);
            for (line, bold) in lines {
                body += &p(&line, bold);
            }
        }
        body += &p(words.skills, true);
        body += "<w:tbl><w:tr>";
        for s in &self.skills {
            body += &format!("<w:tc>{}</w:tc>", p(s, false));
        }
        body += "</w:tr></w:tbl>";
        let mut header = p(
            &format!("{} | {} | {}", self.location, self.email, self.phone),
            false,
        );
        if !self.links.is_empty() {
            header += &p(&self.links_line(), false);
        }
        docx(&body, &header)
    }
}

/// A PDF whose only page is encrypted with a user password.
pub fn encrypted_pdf(text: &str, user_password: &str) -> Vec<u8> {
    let mut page = PageWriter::default();
    page.text(50.0, 800.0, 12.0, false, text);
    page.finish(Some(user_password))
}

/// A PDF page that draws shapes but has no text layer, like a scan.
pub fn image_only_pdf() -> Vec<u8> {
    let mut page = PageWriter::default();
    page.ops().push(Operation::new(
        "re",
        vec![50.into(), 50.into(), 400.into(), 600.into()],
    ));
    page.ops().push(Operation::new("f", vec![]));
    page.finish(None)
}

/// A PDF whose page is one 8-bit grey picture (`width` × `height` pixels), like a scanner's.
pub fn scanned_pdf(gray_pixels: &[u8], width: u32, height: u32) -> Vec<u8> {
    scanned_pages_pdf(gray_pixels, width, height, 1)
}

/// A scan of `pages` pages that all show the same picture.
pub fn scanned_pages_pdf(gray_pixels: &[u8], width: u32, height: u32, pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => width as i64, "Height" => height as i64,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        gray_pixels.to_vec(),
    );
    let image_id = doc.add_object(image);
    let resources = doc.add_object(dictionary! { "XObject" => dictionary! { "Im1" => image_id } });
    let draw = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    595.into(),
                    0.into(),
                    0.into(),
                    842.into(),
                    0.into(),
                    0.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    add_a4_pages(&mut doc, pages_id, resources, vec![draw; pages.max(1)]);
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

/// Adds A4 pages (their contents, the page tree and the catalog) to `doc`.
fn add_a4_pages(
    doc: &mut Document,
    pages_id: lopdf::ObjectId,
    resources: lopdf::ObjectId,
    contents: Vec<Content>,
) {
    let count = contents.len() as i64;
    let kids: Vec<Object> = contents
        .into_iter()
        .map(|content| {
            let content_id = doc.add_object(Stream::new(
                dictionary! {},
                content.encode().unwrap_or_default(),
            ));
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id },
            )
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn docx(body: &str, header: &str) -> Vec<u8> {
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let mut buf = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
            ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#.to_owned()),
            ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>"#)),
            ("word/header1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{header}</w:hdr>"#)),
        ];
        for (name, content) in parts {
            // Writing into a Vec cannot fail; a failure here would be a bug in this function.
            zip.start_file(name, opts).expect("zip entry");
            zip.write_all(content.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish");
    }
    buf.into_inner()
}

/// Where a link's rule is drawn.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Under the baseline, as links are underlined.
    Under,
    /// Through the middle of the letters.
    Through,
}

#[derive(Default)]
struct PageWriter {
    /// Drawing operations of each page; the last one is being written.
    pages: Vec<Vec<Operation>>,
}

/// Lowest baseline of body text; below it a new page starts.
const BOTTOM_MARGIN: f64 = 70.0;
/// First baseline on a continuation page.
const TOP_OF_PAGE: f64 = 800.0;

impl PageWriter {
    fn ops(&mut self) -> &mut Vec<Operation> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Moves to a new page when `y` has reached the bottom margin; the baseline to use.
    fn room(&mut self, y: f64) -> f64 {
        if y < BOTTOM_MARGIN {
            self.pages.push(Vec::new());
            TOP_OF_PAGE
        } else {
            y
        }
    }

    /// A running footer, as word processors print it, on every page of a longer document.
    fn footers(&mut self, text: &str) {
        let total = self.pages.len();
        if total < 2 {
            return;
        }
        for number in 1..=total {
            let mut footer = PageWriter::default();
            footer.text(
                50.0,
                30.0,
                8.0,
                false,
                &format!("{text} · {number}/{total}"),
            );
            self.pages[number - 1].append(footer.ops());
        }
    }

    fn text(&mut self, x: f64, y: f64, size: f64, bold: bool, text: &str) {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        self.ops().extend([
            Operation::new("BT", vec![]),
            Operation::new(
                "Tf",
                vec![if bold { "F2" } else { "F1" }.into(), size.into()],
            ),
            Operation::new(
                "Tm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
            ),
            Operation::new(
                "Tj",
                vec![Object::String(
                    bytes.into_owned(),
                    lopdf::StringFormat::Literal,
                )],
            ),
            Operation::new("ET", vec![]),
        ]);
    }

    /// Writes a link at (`x`, `y`) with its rule; returns where the text ends.
    fn link(&mut self, x: f64, y: f64, size: f64, text: &str, rule: Rule) -> f64 {
        self.text(x, y, size, false, text);
        // Helvetica's lower case and punctuation average about 0.5 em.
        let end = x + 0.5 * size * text.chars().count() as f64;
        let (rule_y, thickness) = match rule {
            Rule::Under => (y - 0.15 * size, 0.06 * size),
            Rule::Through => (y + 0.25 * size, 0.1 * size),
        };
        self.ops().extend([
            Operation::new(
                "re",
                vec![x.into(), rule_y.into(), (end - x).into(), thickness.into()],
            ),
            Operation::new("f", vec![]),
        ]);
        end
    }

    fn finish(self, user_password: Option<&str>) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = |base: &str| dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base.to_owned(), "Encoding" => "WinAnsiEncoding" };
        let regular = doc.add_object(font("Helvetica"));
        let bold = doc.add_object(font("Helvetica-Bold"));
        let resources =
            doc.add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } });
        let pages = if self.pages.is_empty() {
            vec![Vec::new()]
        } else {
            self.pages
        };
        add_a4_pages(
            &mut doc,
            pages_id,
            resources,
            pages
                .into_iter()
                .map(|operations| Content { operations })
                .collect(),
        );
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(b"cvdeck-synthetic".to_vec(), lopdf::StringFormat::Literal),
                Object::String(b"cvdeck-synthetic".to_vec(), lopdf::StringFormat::Literal),
            ]),
        );
        if let Some(password) = user_password {
            let version = lopdf::encryption::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "owner",
                user_password: password,
                key_length: 128,
                permissions: lopdf::encryption::Permissions::all(),
            };
            if let Ok(state) = lopdf::encryption::EncryptionState::try_from(version) {
                let _ = doc.encrypt(&state);
            }
        }
        let mut out = Vec::new();
        let _ = doc.save_to(&mut out);
        out
    }
}

mod html;
pub use html::Theme;

/// The four crafted PDFs that take PDF libraries down (issue 4): each is small and valid
/// enough to reach the part of the parser it attacks.
pub mod bombs {
    use lopdf::{dictionary, Document, Object, Stream};

    fn save(mut doc: Document) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = doc.save_to(&mut out);
        out
    }

    /// A font with a ToUnicode map over the whole 32-bit code space.
    fn font_with_cmap(doc: &mut Document, cmap: &str) -> lopdf::ObjectId {
        let cmap = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
        doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => cmap,
        })
    }

    /// A plain content stream.
    fn content(ops: &[u8]) -> Stream {
        Stream::new(dictionary! {}, ops.to_vec())
    }

    /// One page drawing `content` with `resources`, under a pages node.
    fn one_page(doc: &mut Document, resources: Object, content: Stream) -> lopdf::ObjectId {
        let pages = doc.new_object_id();
        let content = doc.add_object(content);
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        page
    }

    /// A Form XObject that draws itself: unbounded recursion in the content interpreter.
    pub fn self_drawing_xobject() -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let form = doc.new_object_id();
        let resources = dictionary! { "XObject" => dictionary! { "X0" => form } };
        doc.objects.insert(
            form,
            Object::Stream(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                    "Resources" => resources.clone(),
                },
                b"/X0 Do".to_vec(),
            )),
        );
        one_page(&mut doc, resources.into(), content(b"/X0 Do"));
        save(doc)
    }

    /// A page whose /Parent chain loops back to itself: inherited attributes are looked up
    /// forever.
    pub fn parent_loop() -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let font = font_with_cmap(&mut doc, "");
        let page = one_page(
            &mut doc,
            Object::Null,
            content(b"BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET"),
        );
        let middle = doc.add_object(dictionary! {
            "Type" => "Pages", "Parent" => page, "Kids" => vec![page.into()], "Count" => 1,
            "Resources" => dictionary! { "Font" => dictionary! { "F2" => font } },
        });
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("Parent", middle);
            d.remove(b"Resources");
        }
        save(doc)
    }

    /// A ToUnicode CMap whose range covers the 32-bit space: a map of four billion entries.
    pub fn tounicode_over_32_bits() -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let font = font_with_cmap(
            &mut doc,
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
             1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n\
             endcmap CMapName currentdict /CMap defineresource pop end end",
        );
        let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        one_page(
            &mut doc,
            resources.into(),
            content(b"BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET"),
        );
        save(doc)
    }

    /// A content stream that inflates to `inflated` bytes of zeros from about
    /// `inflated / 160` bytes: hand-made fixed-Huffman deflate, one literal then copies of
    /// 258 bytes at distance 1, wrapped in zlib with the right checksum.
    pub fn flate_bomb(inflated: u64) -> Vec<u8> {
        struct Bits {
            out: Vec<u8>,
            acc: u64,
            n: u32,
        }
        impl Bits {
            // Deflate packs fields from the low bit; Huffman codes go in high bit first.
            fn put(&mut self, value: u64, len: u32) {
                self.acc |= value << self.n;
                self.n += len;
                while self.n >= 8 {
                    self.out.push(self.acc as u8);
                    self.acc >>= 8;
                    self.n -= 8;
                }
            }
            fn code(&mut self, code: u64, len: u32) {
                let reversed = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
                self.put(reversed, len);
            }
        }
        let copies = inflated.saturating_sub(1) / 258;
        let mut bits = Bits {
            out: vec![0x78, 0x01],
            acc: 0,
            n: 0,
        };
        bits.put(1, 1); // last block
        bits.put(1, 2); // fixed Huffman
        bits.code(0b0011_0000, 8); // literal 0
        for _ in 0..copies {
            bits.code(0b1100_0101, 8); // length 258
            bits.code(0, 5); // distance 1
        }
        bits.code(0, 7); // end of block
        bits.put(0, 7); // flush to a byte
        let total = 1 + copies * 258;
        let adler = ((total % 65521) << 16) | 1;
        bits.out.extend_from_slice(&(adler as u32).to_be_bytes());
        let deflated = bits.out;
        let mut doc = Document::with_version("1.5");
        let stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, deflated)
            .with_compression(false);
        one_page(&mut doc, Object::Null, stream);
        save(doc)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::io::Read;

        #[test]
        fn the_flate_bomb_is_a_valid_zlib_stream_of_the_claimed_size() {
            let pdf = flate_bomb(1_000_000);
            let doc = Document::load_mem(&pdf).unwrap();
            let stream = doc
                .objects
                .values()
                .find_map(|o| o.as_stream().ok().filter(|s| s.dict.has(b"Filter")))
                .unwrap();
            let mut inflated = Vec::new();
            flate_decode(&stream.content)
                .read_to_end(&mut inflated)
                .unwrap();
            assert_eq!(inflated.len(), 1 + (999_999 / 258) * 258);
            assert!(inflated.iter().all(|b| *b == 0));
        }

        fn flate_decode(bytes: &[u8]) -> impl Read + '_ {
            flate2::read::ZlibDecoder::new(bytes)
        }
    }
}

/// Rows registered per transaction by [`fill_library`].
const FILL_BATCH: u64 = 1000;

/// Adds parsed synthetic resumes to `library` until it holds `count` rows (one in fifty
/// failed, as real folders have some): for benchmarks and tests of large libraries. The text
/// of each is parsed by the real parser, in parallel; rows are written from this thread.
/// Calls `progress` with the rows so far; returns how many were added.
pub fn fill_library(
    library: &crate::Library,
    count: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64, crate::store::StoreError> {
    use crate::store::{Failure, NewFile, Registered};
    let have = library.counts()?.total();
    let limits = crate::Limits::default();
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let mut next = have;
    while next < count {
        let end = (next + FILL_BATCH).min(count);
        let seeds: Vec<u64> = (next..end).collect();
        let parsed: Vec<(u64, String, crate::Parsed)> = std::thread::scope(|s| {
            let workers: Vec<_> = seeds
                .chunks(seeds.len().div_ceil(threads))
                .map(|chunk| {
                    let limits = &limits;
                    s.spawn(move || {
                        chunk
                            .iter()
                            .filter_map(|&seed| {
                                let text = SyntheticResume::generate(seed).to_text();
                                let parsed = crate::parse_bytes(text.as_bytes(), limits).ok()?;
                                Some((seed, text, parsed))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        });
        let files: Vec<NewFile> = parsed
            .iter()
            .map(|(seed, _, _)| NewFile {
                original_path: std::path::PathBuf::from(format!("/synthetic/resume-{seed:06}.txt")),
                content_hash: format!("{seed:064x}"),
                stored_path: library.stored_path_for(&format!("{seed:064x}"), "txt"),
                size_bytes: 2048,
            })
            .collect();
        let registered = library.register(&files)?;
        for ((seed, text, p), reg) in parsed.iter().zip(registered) {
            if let Registered::New(id) = reg {
                if seed % 50 == 0 {
                    let failure = Failure {
                        kind: "corrupt".into(),
                        message: "damaged PDF file: synthetic failure".into(),
                    };
                    library.fail(id, Some("pdf"), &failure)?;
                } else {
                    library.complete(id, "text", &p.resume, text)?;
                }
            }
        }
        next = end;
        progress(next);
    }
    Ok(next - have)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_bytes, ExtractError, Limits};

    #[test]
    fn same_seed_same_bytes() {
        let a = SyntheticResume::generate(7);
        assert_eq!(a, SyntheticResume::generate(7));
        assert_eq!(
            a.to_pdf(Layout::OneColumn),
            SyntheticResume::generate(7).to_pdf(Layout::OneColumn)
        );
    }

    #[test]
    fn every_rendering_parses_back_to_its_fields() {
        for seed in 0..6 {
            let r = SyntheticResume::generate(seed);
            let renderings = [
                ("text", r.to_text().into_bytes()),
                ("pdf", r.to_pdf(Layout::OneColumn)),
                ("pdf2", r.to_pdf(Layout::TwoColumn)),
                ("docx", r.to_docx()),
            ];
            for (kind, bytes) in renderings {
                let parsed = parse_bytes(&bytes, &Limits::default())
                    .unwrap_or_else(|e| panic!("{kind} {seed}: {e}"));
                let b = &parsed.resume.basics;
                assert_eq!(
                    b.name.as_deref(),
                    Some(r.name.as_str()),
                    "{kind} {seed}\n{}",
                    parsed.text
                );
                assert_eq!(b.email.as_deref(), Some(r.email.as_str()), "{kind} {seed}");
                assert_eq!(b.phone.as_deref(), Some(r.phone.as_str()), "{kind} {seed}");
                let companies: Vec<_> = parsed
                    .resume
                    .work
                    .iter()
                    .filter_map(|w| w.name.clone())
                    .collect();
                let expected: Vec<_> = r.jobs.iter().map(|j| j.company.clone()).collect();
                assert_eq!(companies, expected, "{kind} {seed}\n{}", parsed.text);
                assert_eq!(parsed.resume.top_skills(5), r.skills, "{kind} {seed}");
                let links: Vec<String> = b
                    .url
                    .iter()
                    .cloned()
                    .chain(b.profiles.iter().filter_map(|p| p.url.clone()))
                    .collect();
                let printed: Vec<String> = r.links.iter().map(PrintedLink::url).collect();
                assert_eq!(links, printed, "{kind} {seed}");
            }
        }
    }

    #[test]
    fn a_three_page_resume_reads_as_one_with_its_footers_gone() {
        let r = (0..200)
            .map(SyntheticResume::generate)
            .find(|r| r.jobs.len() == 3 && r.bullets_per_job == 40)
            .expect("some seed has three long jobs");
        for layout in [Layout::OneColumn, Layout::TwoColumn] {
            let parsed = parse_bytes(&r.to_pdf(layout), &Limits::default()).unwrap();
            assert_eq!(parsed.resume.meta.pages, Some(3), "{layout:?}");
            let jobs: Vec<(Option<&str>, usize)> = parsed
                .resume
                .work
                .iter()
                .map(|w| (w.name.as_deref(), w.highlights.len()))
                .collect();
            let want: Vec<(Option<&str>, usize)> = r
                .jobs
                .iter()
                .map(|j| (Some(j.company.as_str()), 40))
                .collect();
            assert_eq!(jobs, want, "{layout:?}");
            let json = serde_json::to_string(&parsed.resume).unwrap();
            assert!(!json.contains("Curriculum Vitae"), "{layout:?}: {json}");
        }
    }

    #[test]
    fn two_column_pdf_is_read_column_by_column() {
        let r = SyntheticResume::generate(3);
        let parsed = parse_bytes(&r.to_pdf(Layout::TwoColumn), &Limits::default()).unwrap();
        assert!(
            parsed
                .resume
                .meta
                .warnings
                .contains(&"two-column layout".to_owned()),
            "{:?}",
            parsed.resume.meta.warnings
        );
        let mut expected = vec!["Contact", "Skills", "Experience", "Education"];
        if !r.certificates.is_empty() {
            expected.push("Certifications");
        }
        assert_eq!(parsed.resume.meta.sections, expected);
    }

    #[test]
    fn encrypted_and_image_only_pdfs_fail_with_their_reason() {
        let err = parse_bytes(&encrypted_pdf("secret", "pw"), &Limits::default()).unwrap_err();
        assert_eq!(err, ExtractError::Encrypted);
        let err = parse_bytes(&image_only_pdf(), &Limits::default()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NoTextLayer);
        assert!(
            err.to_string().starts_with("scanned PDF: no text layer ("),
            "{err}"
        );
    }
}
