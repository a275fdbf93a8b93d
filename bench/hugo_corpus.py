#!/usr/bin/env python3
"""Writes a corpus made by generate_corpus.py again as a Hugo site, for the comparison in bench/run.sh.

usage: hugo_corpus.py CORPUS HUGO_DIR

The same pages in Hugo's content format: a section per kind (answers, guides, checklists,
glossary), front matter kept (title, description, date, tags, and the answer's own keys as page
parameters), the topic of each page as a `topics` taxonomy whose term pages are the topic pages, the
English translations as `name.en.md` under a second language when the site has one, typed references
(`guide:id#anchor`) rewritten to the URLs Answersite gives them, and the two snippets read by a cached
partial. Its minimal theme, written here, renders every page, a list page per section, the hub (the
answers grouped by topic), taxonomy and term pages, up to four related answers per answer (Hugo's
related content, by topic and tag), an RSS feed per list (50 entries) and a JSON search index per
language with each page's plain text. Hugo has no glossary autolinking, so the glossary_autolink
setting has no counterpart. The same corpus always gives the same files.
"""
import os
import re
import shutil
import sys

SECTIONS = {"answer": "answers", "guide": "guides", "checklist": "checklists", "glossary": "glossary",
            "topic": "topics"}
REF = re.compile(r"(?<![\w/])(answer|guide|checklist|glossary|topic):([a-z0-9][a-z0-9-]*)(#[A-Za-z0-9_-]+)?")

CONFIG = """baseURL = "https://bench.example.com/"
title = "基准答案中心"
defaultContentLanguage = "zh-cn"
hasCJKLanguage = true
buildFuture = true
rssLimit = 50
disableKinds = []

[languages.zh-cn]
languageName = "简体中文"
weight = 1
%s
[taxonomies]
tag = "tags"
topic = "topics"

[outputs]
home = ["HTML", "RSS", "JSON"]

[related]
threshold = 80
includeNewer = true
toLower = false
[[related.indices]]
name = "topics"
weight = 100
[[related.indices]]
name = "keywords"
weight = 80
"""
ENGLISH = """
[languages.en]
languageName = "English"
title = "Benchmark answer center"
weight = 2
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
{{ range .Translations }}<a hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
""",
    "partials/byline.html": """<p class="byline">{{ .Date.Format "2006-01-02" }}
{{ range .GetTerms "topics" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{ range .GetTerms "tags" }} · <a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a>{{ end }}</p>
""",
    "partials/snippet.html": """{{ $file := printf "snippets/%s.%s.md" .name .lang }}{{ if not (fileExists $file) }}{{ $file = printf "snippets/%s.md" .name }}{{ end }}{{ if fileExists $file }}<aside>{{ readFile $file | markdownify }}</aside>{{ end }}
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ partial "byline.html" . }}
<p>{{ .Description }}</p>
{{ .Content }}
</article>{{ end }}
""",
    "answers/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ partial "byline.html" . }}
<p class="answer">{{ .Params.answer }}</p>
{{ with .Params.basis }}<h2>Basis</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.next_steps }}<h2>Next steps</h2><ol>{{ range . }}<li>{{ . }}</li>{{ end }}</ol>{{ end }}
{{ with .Params.summary_en }}<section lang="en"><p>{{ . }}</p></section>{{ end }}
<div class="body">{{ .Content }}</div>
{{ with .Params.faq }}<h2>FAQ</h2><dl>{{ range . }}<dt>{{ .q }}</dt><dd>{{ .a }}</dd>{{ end }}</dl>{{ end }}
{{ with .Params.related }}<h2>Related</h2><ul>{{ range . }}{{ if reflect.IsMap . }}<li><a href="{{ .ref }}">{{ .ref }}</a> {{ .note }}</li>{{ else }}<li><a href="{{ . }}">{{ . }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
{{ partialCached "snippet.html" (dict "name" "handoff" "lang" .Lang) "handoff" .Lang }}
{{ partialCached "snippet.html" (dict "name" "review-safety" "lang" .Lang) "review-safety" .Lang }}
{{ with first 4 (where (.Site.RegularPages.Related .) "Section" "answers") }}<h2>More answers</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    "glossary/single.html": """{{ define "main" }}<article>
<h1>{{ .Params.term }}</h1>
{{ with .Params.synonyms }}<p>{{ delimit . ", " }}</p>{{ end }}
<p class="definition">{{ .Params.definition }}</p>
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{ end }}</ul>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Description }}</p>
{{ .Content }}
{{ range .Pages.GroupBy "Section" }}<h2>{{ .Key }}</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>{{ end }}{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ range .Site.Taxonomies.topics }}<h2><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2>
<ul>{{ range where .Pages "Section" "answers" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>{{ end }}{{ end }}
""",
    "index.json": """{{- $pages := slice -}}
{{- range .Site.RegularPages -}}
{{- $pages = $pages | append (dict "title" .Title "url" .RelPermalink "kind" .Section "text" .Plain) -}}
{{- end -}}
{{- $pages | jsonify -}}
""",
}


def split(text):
    """(front matter lines, body) of a page that starts with '---'."""
    end = text.index("\n---\n", 4)
    return text[4:end].split("\n"), text[end + 5:]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    source = os.path.join(corpus, "content")
    english = "  - code: en\n" in open(os.path.join(corpus, "site", "site.yml"), encoding="utf-8").read()
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG % (ENGLISH if english else ""))
    for path, text in LAYOUTS.items():
        os.makedirs(os.path.join(out, "layouts", os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(out, "layouts", path), "w", encoding="utf-8") as f:
            f.write(text)
    shutil.copytree(os.path.join(source, "_snippets"), os.path.join(out, "snippets"))

    files = []
    for kind, section in SECTIONS.items():
        for name in sorted(os.listdir(os.path.join(source, section))):
            files.append((kind, section, name))
    translated = {(kind, name[:-len(".en.md")]) for kind, _, name in files if name.endswith(".en.md")}

    def url(match, lang):
        kind, page_id, anchor = match.group(1), match.group(2), match.group(3) or ""
        prefix = "/en" if lang == "en" and (kind, page_id) in translated else ""
        return "%s/%s/%s/%s" % (prefix, SECTIONS[kind], page_id, anchor)

    for kind, section, name in files:
        lang = "en" if name.endswith(".en.md") else ""
        page_id = name[:-len(".en.md")] if lang else name[:-len(".md")]
        with open(os.path.join(source, section, name), encoding="utf-8") as f:
            text = REF.sub(lambda m: url(m, lang), f.read())
        front, body = split(text)
        for line in list(front):
            if line.startswith("topic: "):
                front.append("topics: [%s]" % line[len("topic: "):])
            if line.startswith("tags: ["):
                front.append("keywords: [%s]" % ", ".join(t for t in line[7:-1].split(", ") if t != "bench"))
        suffix = ".en.md" if lang else ".md"
        if kind == "topic":
            target = os.path.join(out, "content", section, page_id, "_index" + suffix)
        else:
            target = os.path.join(out, "content", section, page_id + suffix)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write("---\n" + "\n".join(front) + "\n---\n" + body)
    for name in os.listdir(source):
        if name.startswith("_index"):
            shutil.copy(os.path.join(source, name), os.path.join(out, "content", name))


if __name__ == "__main__":
    main()
