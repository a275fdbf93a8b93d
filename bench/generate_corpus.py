#!/usr/bin/env python3
"""Writes a deterministic synthetic answer-center site for benchmarks.

usage: generate_corpus.py PAGES OUT_DIR [SEED]

Mix: answers ~70%, guides 15%, checklists 10%, glossary 5%, 20 topics; zh-CN with about a third of
pages translated to English; answers 600-1,500 CJK characters with English terms, guides three to
five times longer with headings, code blocks and tables, checklists as task lists; 3-8 internal
links per page, some with anchors. Every page is valid under Answersite's own checks (the build
reports no errors and no warnings). The same arguments always give the same files.
"""
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


def main():
    pages = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "content")
    for folder in ("answers", "guides", "checklists", "glossary", "topics", "_snippets"):
        os.makedirs(os.path.join(content, folder))
    os.makedirs(os.path.join(out, "site"))

    n_topics = 20
    n_glossary = max(1, pages * 5 // 100)
    n_guides = max(1, pages * 15 // 100)
    n_checklists = max(1, pages * 10 // 100)
    n_answers = max(1, pages - n_topics - n_glossary - n_guides - n_checklists)
    topics = ["topic-%02d" % i for i in range(n_topics)]
    answers = ["answer-%05d" % i for i in range(n_answers)]
    guides = ["guide-%04d" % i for i in range(n_guides)]
    checklists = ["checklist-%04d" % i for i in range(n_checklists)]
    terms = ["term-%04d" % i for i in range(n_glossary)]
    translated = lambda i: i % 3 == 0

    def write(path, text):
        with open(os.path.join(content, path), "w", encoding="utf-8") as f:
            f.write(text)

    def topic_of(i):
        return topics[i % n_topics]

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
        write("glossary/%s.md" % t, "---\ntitle: 术语%d\nterm: 术语%d\ndescription: %s\ndate: 2026-01-02\ntopic: %s\n"
              "definition: %s\n---\n\n%s" % (i, i, quote(zh_text(rng, 40)), topic_of(i), quote(zh_text(rng, 60)), body))
        if translated(i):
            write("glossary/%s.en.md" % t, "---\ntitle: Term %d\nterm: Term %d\ndescription: %s\ndate: 2026-01-02\n"
                  "topic: %s\ndefinition: %s\n---\n\n%s\n" % (i, i, quote(en_text(rng, 14)), topic_of(i),
                                                              quote(en_text(rng, 24)), en_text(rng, 60)))

    # guides: headings with ids s1..s4, code, a table
    for i, g in enumerate(guides):
        for lang in (("zh", "") if not translated(i) else ("zh", "en")):
            if not lang:
                continue
            zh = lang == "zh"
            parts = []
            for s in range(1, 5):
                parts.append("## %s %d {#s%d}\n\n%s\n" % ("步骤" if zh else "Step", s, s,
                                                          zh_text(rng, rng.randrange(700, 1300)) if zh else en_text(rng, 260)))
                if s == 2:
                    parts.append("```sh\ncurl -sS \"$BASE_URL/models\" -H \"Authorization: Bearer $API_KEY\"\n"
                                 "nslookup api.example.com\n```\n")
                if s == 3:
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
    for i, a in enumerate(answers):
        for lang in ("zh", "en") if translated(i) else ("zh",):
            zh = lang == "zh"
            body_links = links(i, rng.randrange(3, 9), lang)
            if i < n_glossary:
                body_links.append("[%s](glossary:%s)" % ("术语" if zh else "a term", terms[i]))
            body = (zh_text(rng, rng.randrange(300, 900)) if zh else en_text(rng, 220)) + "\n\n" + " ".join(body_links)
            answer = zh_text(rng, rng.randrange(120, 220)) if zh else en_text(rng, 60)
            fm = ["---",
                  "title: %s" % quote(("%s %d 怎么排查?" % (zh_text(rng, 12)[:-1], i)) if zh
                                      else "How do I fix problem %d?" % i),
                  "description: %s" % quote(zh_text(rng, 45) if zh else en_text(rng, 16)),
                  "date: 2026-02-%02d" % (1 + i % 27),
                  "topic: %s" % topic_of(i),
                  "tags: [%s, bench]" % ("t%d" % (i % 40)),
                  "answer: %s" % quote(answer),
                  "basis:",
                  "  - %s" % quote(zh_text(rng, 60) if zh else en_text(rng, 18)),
                  "  - %s" % quote(zh_text(rng, 60) if zh else en_text(rng, 18)),
                  "next_steps:",
                  "  - %s" % quote(zh_text(rng, 50) if zh else en_text(rng, 14)),
                  "  - %s" % quote(zh_text(rng, 50) if zh else en_text(rng, 14)),
                  "faq:",
                  "  - q: %s" % quote((zh_text(rng, 20)[:-1] + "?") if zh else en_text(rng, 8)[:-1] + "?"),
                  "    a: %s" % quote(zh_text(rng, 80) if zh else en_text(rng, 25)),
                  "related:",
                  "  - ref: guide:%s" % guides[i % n_guides],
                  "    note: %s" % quote(zh_text(rng, 20) if zh else en_text(rng, 8)),
                  "  - checklist:%s" % checklists[i % n_checklists]]
            if zh:
                fm.append("summary_en: %s" % quote(en_text(rng, 40)))
            fm.append("---")
            suffix = "" if zh else ".en"
            write("answers/%s%s.md" % (a, suffix), "\n".join(fm) + "\n\n" + body + "\n")

    write("_index.md", "---\ntitle: 基准答案中心\ndescription: 用于性能测试的合成答案中心。\ndate: 2026-01-01\n---\n\n%s\n"
          % zh_text(rng, 200))
    write("_index.en.md", "---\ntitle: Benchmark answer center\ndescription: A synthetic answer center for"
          " benchmarks.\ndate: 2026-01-01\n---\n\n%s\n" % en_text(rng, 60))
    write("_snippets/handoff.md", zh_text(rng, 200) + "\n")
    write("_snippets/review-safety.md", zh_text(rng, 150) + "\n")

    with open(os.path.join(out, "site", "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: 基准答案中心\ndescription: 合成答案中心。\nbase_url: https://bench.example.com/\n"
                "default_language: zh-CN\nlanguages:\n  - code: zh-CN\n    name: 简体中文\n  - code: en\n"
                "    name: English\nauthors:\n  bench:\n    name: Bench Team\ndefault_author: bench\n"
                "more_answers: 4\nglossary_autolink: true\n")
    # the JVM settings docs/PERFORMANCE.md recommends for large sites (read by mvn from .mvn/)
    os.makedirs(os.path.join(out, ".mvn"), exist_ok=True)
    with open(os.path.join(out, ".mvn", "jvm.config"), "w", encoding="utf-8") as f:
        f.write(os.environ.get("BENCH_JVM_CONFIG", "-XX:+UseParallelGC") + "\n")
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
