#!/usr/bin/env python3
"""Writes a deterministic synthetic answer-center site for benchmarks.

usage: generate_corpus.py PAGES OUT_DIR [SEED] [--shape NAME] [knobs...]   (--help lists them)

Default mix: answers ~70%, guides 15%, checklists 10%, glossary 5%, 20 topics; zh-CN with about a
third of pages translated to English; answers 600-1,500 CJK characters with English terms, guides
three to five times longer with headings, code blocks and tables, checklists as task lists; 3-8
internal links per page, some with anchors. Every page is valid under Answersite's own checks (the
build reports no errors and no warnings). The same arguments always give the same files, and the
default corpus is byte-identical to the one this script wrote before it had knobs.

The knobs change one aspect of the site each, for the shapes real sites have (--shape names a preset
of them; SHAPES below, `bench/run.sh matrix` builds each): a glossary of common words every answer
uses, few or many topics, one topic holding most answers, no or all pages translated, large
snippets, many related items, long guides, very short answers, glossary_autolink on or off.
"""
import argparse
import os
import random
import shutil
import sys

WORDS = ("请求 接口 模型 网关 代理 证书 域名 解析 超时 重试 日志 密钥 额度 余额 分组 渠道 上游 后端 前端 浏览器 "
         "服务端 环境变量 配置 排查 错误 状态码 响应 连接 网络 防火墙 公司网络 部署 监控 告警 限流 并发 队列 任务 "
         "图片 视频 成本 预算 团队 项目 成员 权限 审计 轮换 禁用 发布 测试 生产 版本 迁移 兼容 参数 格式 流式 输出").split()
TERMS = ("CORS DNS TLS HTTP/2 Base URL API Key SDK Node.js Python OpenAI JSON curl Nginx Cloudflare ETIMEDOUT "
         "ECONNRESET ENOTFOUND 502 503 504 429 max_tokens stream").split()
EN_WORDS = ("the request gateway model proxy certificate domain timeout retry log key quota balance upstream backend "
            "browser server variable config error status response connection network firewall deploy monitor "
            "limit queue task image cost budget team project permission audit rotate release test production "
            "version migrate parameter format stream output check first then because when").split()
PUNCT = "，。、；"

# Glossary terms named by words the answers use (--glossary common): (zh name, zh synonyms, en name,
# en synonyms). Some share a word with another term (API and API Key, 网关 and 网关超时).
COMMON_TERMS = [
    ("DNS", ["域名解析"], "DNS", ["name resolution"]),
    ("TLS", ["SSL", "证书"], "TLS", ["SSL", "certificate"]),
    ("504", ["Gateway Timeout", "网关超时"], "504", ["Gateway Timeout", "gateway timeout"]),
    ("502", ["Bad Gateway"], "502", ["Bad Gateway"]),
    ("Nginx", ["反向代理"], "Nginx", ["reverse proxy"]),
    ("JWT", ["JSON Web Token"], "JWT", ["JSON Web Token"]),
    ("超时", ["timeout"], "timeout", ["time out"]),
    ("接口", ["API"], "API", ["interface"]),
    ("API Key", ["密钥", "Key"], "API Key", ["key"]),
    ("Base URL", ["接口地址"], "Base URL", ["URL"]),
    ("CORS", ["跨域"], "CORS", ["cross-origin"]),
    ("429", ["限流", "Too Many Requests"], "429", ["rate limit"]),
]

# --shape presets: each changes the default corpus in one respect (see `bench/run.sh matrix`)
SHAPES = {
    "default": {},
    "glossary-common": {"glossary": "common"},
    "glossary-common-nolink": {"glossary": "common", "autolink": "off"},
    "topics-5": {"topics": 5},
    "topics-200": {"topics": 200},
    "topic-skew": {"topic_skew": 0.3},
    "no-translations": {"translate": "none"},
    "all-translated": {"translate": "all"},
    "snippets-heavy": {"snippet_chars": 4000},
    "related-many": {"related": 20},
    "long-guides": {"guide_chars": 20000},
    "short-answers": {"short_answers": True},
}


def zh_text(rng, chars):
    out, n = [], 0
    while n < chars:
        if rng.random() < 0.12:
            w = rng.choice(TERMS)
            out.append(" " + w + " ")
            n += 2
        else:
            w = rng.choice(WORDS)
            out.append(w)
            n += len(w)
        if rng.random() < 0.15:
            out.append(rng.choice(PUNCT))
    return "".join(out).strip() + "。"


def en_text(rng, words):
    ws = [rng.choice(EN_WORDS) for _ in range(words)]
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_list(items):
    return "[" + ", ".join(quote(i) for i in items) + "]"


def common_terms(seed, count):
    """`count` glossary names, as COMMON_TERMS: the hand-written ones, every Latin token and every Chinese
    word of the text generator, then two-word compounds (which share their words with other terms)."""
    rng = random.Random(seed + 1)
    terms, seen = [], set()

    def add(zh, zh_syn, en, en_syn):
        if zh not in seen and len(terms) < count:
            seen.add(zh)
            terms.append((zh, zh_syn, en, en_syn))

    for t in COMMON_TERMS:
        add(*t)
    for t in TERMS:
        add(t, [], t, [])
    for k, w in enumerate(WORDS):
        add(w, [], EN_WORDS[k % len(EN_WORDS)], [])
    while len(terms) < count:
        a, b = rng.sample(range(len(WORDS)), 2)
        ea, eb = EN_WORDS[a % len(EN_WORDS)], EN_WORDS[b % len(EN_WORDS)]
        zh_syn = [WORDS[b] + WORDS[a]] if rng.random() < 0.3 else []
        add(WORDS[a] + WORDS[b], zh_syn, "%s %s" % (ea, eb), [])
    return terms


def snippet_text(rng, chars, zh):
    """A large snippet: paragraphs, a list, a table and a code block, about `chars` characters."""
    parts, n = [], 0
    while n < chars:
        para = zh_text(rng, 200) if zh else en_text(rng, 40)
        items = ["- **%s** %s" % (zh_text(rng, 6)[:-1] if zh else en_text(rng, 2)[:-1],
                                  zh_text(rng, 40) if zh else en_text(rng, 10)) for _ in range(4)]
        table = "| %s | %s |\n| --- | --- |\n| 502 | upstream |\n| 504 | timeout |\n| 429 | %s |" % (
            "现象" if zh else "symptom", "处理" if zh else "action", zh_text(rng, 12) if zh else en_text(rng, 4))
        code = "```sh\ncurl -sS \"$BASE_URL/models\" -H \"Authorization: Bearer $API_KEY\"\n```"
        block = "\n\n".join([para, "\n".join(items), table, code])
        parts.append(block)
        n += len(block)
    return "\n\n".join(parts) + "\n"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="shapes: " + ", ".join(SHAPES))
    p.add_argument("pages", type=int, help="source pages in the default language (translations come on top)")
    p.add_argument("out", help="the corpus folder (deleted first)")
    p.add_argument("seed", type=int, nargs="?", default=42)
    p.add_argument("--shape", choices=SHAPES, default="default", help="a preset of the knobs below")
    p.add_argument("--topics", type=int, help="number of topics (default 20)")
    p.add_argument("--topic-skew", type=float, dest="topic_skew",
                   help="share of answers in the first topic, the rest spread over the others (default: even)")
    p.add_argument("--translate", choices=("third", "none", "all"),
                   help="pages with an English translation: a third (default), none (a one-language site), all")
    p.add_argument("--glossary", choices=("plain", "common"),
                   help="plain (default): terms named 术语N; common: terms named by words most answers use,"
                        " with synonyms, some sharing a word")
    p.add_argument("--autolink", choices=("on", "off"),
                   help="glossary_autolink in site.yml (default on); off also turns rule term-unlinked off")
    p.add_argument("--snippet-chars", type=int, dest="snippet_chars",
                   help="make both snippets (shown on every answer) about this long, in every language")
    p.add_argument("--related", type=int, help="related items per answer (default 2: a guide and a checklist)")
    p.add_argument("--guide-chars", type=int, dest="guide_chars",
                   help="guide length in characters, in sections of about 1,000 (default: 4 sections, 3-5k)")
    p.add_argument("--short-answers", action="store_true", default=None, dest="short_answers",
                   help="answers of one or two short sentences, one basis and one next step, no FAQ")
    args = p.parse_args()
    knobs = {"topics": 20, "topic_skew": 0.0, "translate": "third", "glossary": "plain", "autolink": "on",
             "snippet_chars": 0, "related": 2, "guide_chars": 0, "short_answers": False}
    knobs.update(SHAPES[args.shape])
    for key in knobs:
        if getattr(args, key) is not None:
            knobs[key] = getattr(args, key)
    if knobs["related"] < 2:
        p.error("--related must be at least 2 (every answer has a guide and a checklist)")
    if knobs["topics"] < 1 or (knobs["topic_skew"] > 0 and knobs["topics"] < 2):
        p.error("--topics must be at least 1, and at least 2 with --topic-skew")
    if not 0 <= knobs["topic_skew"] < 1:
        p.error("--topic-skew must be a share from 0 up to (not including) 1")
    return args, knobs


def main():
    args, knobs = parse_args()
    pages, out, seed = args.pages, args.out, args.seed
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "content")
    for folder in ("answers", "guides", "checklists", "glossary", "topics", "_snippets"):
        os.makedirs(os.path.join(content, folder))
    os.makedirs(os.path.join(out, "site"))

    n_topics = knobs["topics"]
    n_glossary = max(1, pages * 5 // 100)
    n_guides = max(1, pages * 15 // 100)
    n_checklists = max(1, pages * 10 // 100)
    n_answers = max(1, pages - n_topics - n_glossary - n_guides - n_checklists)
    topics = ["topic-%02d" % i for i in range(n_topics)]
    answers = ["answer-%05d" % i for i in range(n_answers)]
    guides = ["guide-%04d" % i for i in range(n_guides)]
    checklists = ["checklist-%04d" % i for i in range(n_checklists)]
    terms = ["term-%04d" % i for i in range(n_glossary)]
    english = knobs["translate"] != "none"
    translated = {"third": lambda i: i % 3 == 0, "none": lambda i: False, "all": lambda i: True}[knobs["translate"]]
    common = common_terms(seed, n_glossary) if knobs["glossary"] == "common" else None
    skew = knobs["topic_skew"]

    def write(path, text):
        with open(os.path.join(content, path), "w", encoding="utf-8") as f:
            f.write(text)

    def topic_of(i):
        return topics[i % n_topics]

    def answer_topic(i):
        # with a skew: floor(n * skew) answers, spread evenly over the list, in the first topic
        if skew <= 0:
            return topic_of(i)
        if int((i + 1) * skew) > int(i * skew):
            return topics[0]
        return topics[1 + i % (n_topics - 1)]

    def links(i, count, lang):
        lines = []
        for k in range(count):
            r = rng.random()
            if r < 0.4:
                j = rng.randrange(n_answers)
                lines.append("[%s](answer:%s)" % ("相关短答案" if lang == "zh" else "a related answer", answers[j]))
            elif r < 0.7:
                j = rng.randrange(n_guides)
                lines.append("[%s](guide:%s#s%d)" % ("手册章节" if lang == "zh" else "a guide section", guides[j],
                                                      rng.randrange(1, 4)))
            elif r < 0.85:
                j = rng.randrange(n_checklists)
                lines.append("[%s](checklist:%s)" % ("检查清单" if lang == "zh" else "a checklist", checklists[j]))
            else:
                j = rng.randrange(n_glossary)
                lines.append("[%s](glossary:%s)" % ("术语" if lang == "zh" else "a term", terms[j]))
        return lines

    def extra_related(i, count, zh):
        """`count` more related items for answer i (mostly answers), none repeated and none the answer itself."""
        taken = {"answer:" + answers[i], "guide:" + guides[i % n_guides], "checklist:" + checklists[i % n_checklists]}
        pools = [("answer", answers), ("guide", guides), ("checklist", checklists), ("glossary", terms),
                 ("topic", topics)]
        count = min(count, n_answers + n_guides + n_checklists + n_glossary + n_topics - len(taken))
        lines = []
        while count > 0:
            kind, pool = pools[min(4, int(rng.random() ** 1.5 * 5))]
            ref = "%s:%s" % (kind, pool[rng.randrange(len(pool))])
            if ref in taken:
                continue
            taken.add(ref)
            count -= 1
            if rng.random() < 0.5:
                lines += ["  - ref: %s" % ref, "    note: %s" % quote(zh_text(rng, 20) if zh else en_text(rng, 8))]
            else:
                lines.append("  - %s" % ref)
        return lines

    # topics
    for i, t in enumerate(topics):
        write("topics/%s.md" % t, "---\ntitle: 主题 %d\ndescription: %s\ndate: 2026-01-01\n---\n\n%s\n"
              % (i, quote(zh_text(rng, 40)), zh_text(rng, 120)))
        if translated(i):
            write("topics/%s.en.md" % t, "---\ntitle: Topic %d\ndescription: %s\ndate: 2026-01-01\n---\n\n%s\n"
                  % (i, quote(en_text(rng, 14)), en_text(rng, 40)))

    # glossary: every term is linked from the answer with the same index, so none is unused
    for i, t in enumerate(terms):
        body = "术语定义的补充说明。%s\n" % zh_text(rng, 150)
        if common:
            name, synonyms = common[i][0], common[i][1]
            names = "title: %s\nterm: %s\n" % (quote(name), quote(name)) + (
                "synonyms: %s\n" % quoted_list(synonyms) if synonyms else "")
        else:
            names = "title: 术语%d\nterm: 术语%d\n" % (i, i)
        write("glossary/%s.md" % t, "---\n%sdescription: %s\ndate: 2026-01-02\ntopic: %s\n"
              "definition: %s\n---\n\n%s" % (names, quote(zh_text(rng, 40)), topic_of(i), quote(zh_text(rng, 60)), body))
        if translated(i):
            if common:
                name, synonyms = common[i][2], common[i][3]
                names = "title: %s\nterm: %s\n" % (quote(name), quote(name)) + (
                    "synonyms: %s\n" % quoted_list(synonyms) if synonyms else "")
            else:
                names = "title: Term %d\nterm: Term %d\n" % (i, i)
            write("glossary/%s.en.md" % t, "---\n%sdescription: %s\ndate: 2026-01-02\n"
                  "topic: %s\ndefinition: %s\n---\n\n%s\n" % (names, quote(en_text(rng, 14)), topic_of(i),
                                                              quote(en_text(rng, 24)), en_text(rng, 60)))

    # guides: headings with ids s1..s4 (s1..sN for long guides), code, a table
    sections = max(4, knobs["guide_chars"] // 1000) if knobs["guide_chars"] else 4
    for i, g in enumerate(guides):
        for lang in (("zh", "") if not translated(i) else ("zh", "en")):
            if not lang:
                continue
            zh = lang == "zh"
            parts = []
            for s in range(1, sections + 1):
                if knobs["guide_chars"]:
                    text = zh_text(rng, rng.randrange(800, 1200)) if zh else en_text(rng, rng.randrange(120, 180))
                else:
                    text = zh_text(rng, rng.randrange(700, 1300)) if zh else en_text(rng, 260)
                parts.append("## %s %d {#s%d}\n\n%s\n" % ("步骤" if zh else "Step", s, s, text))
                if s % 4 == 2:
                    parts.append("```sh\ncurl -sS \"$BASE_URL/models\" -H \"Authorization: Bearer $API_KEY\"\n"
                                 "nslookup api.example.com\n```\n")
                if s % 4 == 3:
                    parts.append("| %s | %s |\n| --- | --- |\n| 502 | upstream |\n| 504 | timeout |\n"
                                 % ("现象" if zh else "symptom", "原因" if zh else "cause"))
            parts.append(" ".join(links(i, rng.randrange(3, 9), lang)) + "\n")
            suffix = "" if zh else ".en"
            write("guides/%s%s.md" % (g, suffix), "---\ntitle: %s %d\ndescription: %s\ndate: 2026-01-03\ntopic: %s\n"
                  "tags: [bench]\n---\n\n%s" % ("排查手册" if zh else "Guide", i,
                                               quote(zh_text(rng, 50) if zh else en_text(rng, 16)), topic_of(i),
                                               "\n".join(parts)))

    # checklists
    for i, c in enumerate(checklists):
        for lang in ("zh", "en") if translated(i) else ("zh",):
            zh = lang == "zh"
            groups = []
            for gidx in range(1, 4):
                items = ["- [ ] %s {#g%d-i%d}" % (zh_text(rng, 25) if zh else en_text(rng, 8), gidx, k)
                         for k in range(1, rng.randrange(4, 8))]
                groups.append("## %s %d {#g%d}\n\n%s\n" % ("分组" if zh else "Group", gidx, gidx, "\n".join(items)))
            groups.append(" ".join(links(i, rng.randrange(3, 9), lang)) + "\n")
            suffix = "" if zh else ".en"
            write("checklists/%s%s.md" % (c, suffix), "---\ntitle: %s %d\ndescription: %s\ndate: 2026-01-04\n"
                  "topic: %s\n---\n\n%s" % ("检查清单" if zh else "Checklist", i,
                                            quote(zh_text(rng, 50) if zh else en_text(rng, 16)), topic_of(i),
                                            "\n".join(groups)))

    # answers: related guide and checklist (never unbacked), term i linked by answer i
    short = knobs["short_answers"]
    for i, a in enumerate(answers):
        for lang in ("zh", "en") if translated(i) else ("zh",):
            zh = lang == "zh"
            body_links = links(i, rng.randrange(1, 3) if short else rng.randrange(3, 9), lang)
            if i < n_glossary:
                body_links.append("[%s](glossary:%s)" % ("术语" if zh else "a term", terms[i]))
            if short:
                text = zh_text(rng, rng.randrange(30, 80)) if zh else en_text(rng, rng.randrange(8, 20))
                answer = zh_text(rng, rng.randrange(20, 50)) if zh else en_text(rng, 10)
            else:
                text = zh_text(rng, rng.randrange(300, 900)) if zh else en_text(rng, 220)
                answer = zh_text(rng, rng.randrange(120, 220)) if zh else en_text(rng, 60)
            body = text + "\n\n" + " ".join(body_links)
            fm = ["---",
                  "title: %s" % quote(("%s %d 怎么排查?" % (zh_text(rng, 12)[:-1], i)) if zh
                                      else "How do I fix problem %d?" % i),
                  "description: %s" % quote(zh_text(rng, 45) if zh else en_text(rng, 16)),
                  "date: 2026-02-%02d" % (1 + i % 27),
                  "topic: %s" % answer_topic(i),
                  "tags: [%s, bench]" % ("t%d" % (i % 40)),
                  "answer: %s" % quote(answer),
                  "basis:",
                  "  - %s" % quote(zh_text(rng, 60) if zh else en_text(rng, 18))]
            if not short:
                fm += ["  - %s" % quote(zh_text(rng, 60) if zh else en_text(rng, 18))]
            fm += ["next_steps:",
                   "  - %s" % quote(zh_text(rng, 50) if zh else en_text(rng, 14))]
            if not short:
                fm += ["  - %s" % quote(zh_text(rng, 50) if zh else en_text(rng, 14)),
                       "faq:",
                       "  - q: %s" % quote((zh_text(rng, 20)[:-1] + "?") if zh else en_text(rng, 8)[:-1] + "?"),
                       "    a: %s" % quote(zh_text(rng, 80) if zh else en_text(rng, 25))]
            fm += ["related:",
                   "  - ref: guide:%s" % guides[i % n_guides],
                   "    note: %s" % quote(zh_text(rng, 20) if zh else en_text(rng, 8)),
                   "  - checklist:%s" % checklists[i % n_checklists]]
            if knobs["related"] > 2:
                fm += extra_related(i, knobs["related"] - 2, zh)
            if zh:
                fm.append("summary_en: %s" % quote(en_text(rng, 12 if short else 40)))
            fm.append("---")
            suffix = "" if zh else ".en"
            write("answers/%s%s.md" % (a, suffix), "\n".join(fm) + "\n\n" + body + "\n")

    write("_index.md", "---\ntitle: 基准答案中心\ndescription: 用于性能测试的合成答案中心。\ndate: 2026-01-01\n---\n\n%s\n"
          % zh_text(rng, 200))
    if english:
        write("_index.en.md", "---\ntitle: Benchmark answer center\ndescription: A synthetic answer center for"
              " benchmarks.\ndate: 2026-01-01\n---\n\n%s\n" % en_text(rng, 60))
    if knobs["snippet_chars"]:
        for name in ("handoff", "review-safety"):
            write("_snippets/%s.md" % name, snippet_text(rng, knobs["snippet_chars"], True))
            if english:
                write("_snippets/%s.en.md" % name, snippet_text(rng, knobs["snippet_chars"], False))
    else:
        write("_snippets/handoff.md", zh_text(rng, 200) + "\n")
        write("_snippets/review-safety.md", zh_text(rng, 150) + "\n")

    with open(os.path.join(out, "site", "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: 基准答案中心\ndescription: 合成答案中心。\nbase_url: https://bench.example.com/\n"
                "default_language: zh-CN\nlanguages:\n  - code: zh-CN\n    name: 简体中文\n"
                + ("  - code: en\n    name: English\n" if english else "")
                + "authors:\n  bench:\n    name: Bench Team\ndefault_author: bench\nmore_answers: 4\n"
                + ("glossary_autolink: true\n" if knobs["autolink"] == "on"
                   else "glossary_autolink: false\nrules:\n  term-unlinked: off\n"))
    # the JVM settings README.md recommends for a site of this size (read by mvn from .mvn/): the
    # parallel collector, told to keep the heap small (docs/PERFORMANCE.md, session 9), and for a site
    # of up to about 15,000 pages written (with the translations) the client compiler alone (session 16),
    # compiling sooner (session 18)
    recommended = "-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
    if pages * {"none": 1, "third": 4 / 3, "all": 2}[knobs["translate"]] <= 15000:
        recommended += (" -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=40 -XX:Tier3MinInvocationThreshold=20"
                        " -XX:Tier3CompileThreshold=400 -XX:Tier3BackEdgeThreshold=20000")
    # and, on Linux (where the benchmarks run), the heap in huge pages (session 22)
    if sys.platform.startswith("linux"):
        recommended += " -XX:+UseTransparentHugePages"
    os.makedirs(os.path.join(out, ".mvn"), exist_ok=True)
    with open(os.path.join(out, ".mvn", "jvm.config"), "w", encoding="utf-8") as f:
        f.write(os.environ.get("BENCH_JVM_CONFIG", recommended) + "\n")
    with open(os.path.join(out, "pom.xml"), "w", encoding="utf-8") as f:
        f.write("""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>bench-site</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.answersite</groupId>
        <artifactId>answersite-maven-plugin</artifactId>
        <version>0.1.0-SNAPSHOT</version>
      </plugin>
    </plugins>
  </build>
</project>
""")


if __name__ == "__main__":
    main()
