/**
 * The bot's own words in Simplified Chinese: the reference catalog. Every other catalog has the
 * same keys (checked by the type checker). `{name}` is a parameter; `{n:one|other}` picks a word
 * by whether the parameter n is 1.
 */
export const zhCN = {
  "ui.page": "第 {page}/{pages} 页",
  "ui.previous": "上一页",
  "ui.next": "下一页",
  "ui.source": "原文",
  "ui.noLink": "（无原文链接）",
  "ui.paragraph": "第 {n} 段",
  "ui.listSeparator": "、",

  "search.title": "搜索“{query}”：找到 {total} 篇文章",
  "search.none": "没有找到包含“{query}”的文章。",
  "search.try": "试试：{words}",
  "search.shownFirst": "显示前 {shown} 篇",
  "search.raiseLimit": "显示前 {shown} 篇；把“{option}”设为最多 {max} 可看更多",
  "search.empty": "请输入要搜索的词，例如：北约、谢尔曼、NATO。",
  "search.tooLong": "搜索词太长（{length} 字），最多 {max} 字。",
  "search.noTerms": "搜索词里没有可以搜索的文字或词语。",
  "search.tooManyTerms": "搜索词太多，最多 {max} 个。",
  "search.operators":
    "搜索不支持 OR、AND、NOT，也不能用“-”排除词语：找到的文章包含输入的每一个词。请只输入要找的词，例如：北约 俄罗斯。",
  "search.isArticleLink":
    "这个链接是一篇文章：{title}。用 /摘要 或 /原文 看这篇文章，或用 /提问 就它提问。",
  "search.isArticleId":
    "“{query}”是一篇文章的编号：{title}。用 /摘要 或 /原文 看这篇文章，或用 /提问 就它提问。",
  "search.isLink":
    "搜索词是一个链接，不是词语。要看一篇文章，把它的链接交给 /摘要 或 /原文；要搜索，请输入词语，例如：北约。",

  "summary.label": "摘要",
  "summary.fewer": "这篇文章只摘出 {count} 句（要求 {requested} 句）。",
  "summary.sentences": "摘要的句数必须是 1 到 {max} 之间的整数（收到：{value}）。",

  "quotes.title": "{who}：{count} 条引语",
  "quotes.none": "{who}：没有找到引语。",
  "quotes.kind.partial": "部分引语",
  "quotes.kind.reported": "转述",
  "quotes.kind.interview": "访谈",
  "quotes.empty": "请输入人名，例如：谢尔曼、Sherman。",
  "quotes.nameTooLong": "人名太长（{length} 字），最多 {max} 字。",
  "quotes.notFound": "没有找到 {person} 的引语。",
  "quotes.didYouMean": "你是不是要找：{names}",
  "quotes.anySpelling": "用 /引语 时输入人名的任一写法（中文、英文或繁体）。",

  "ask.title": "问：{question}",
  "ask.none": "没有找到能回答这个问题的句子。",
  "ask.noArticles": "没有找到能回答这个问题的句子。没有相关的文章。",
  "ask.anchorMissing": "没有找到能回答这个问题的句子。（相关的文章里没有提到「{anchor}」。）",
  "ask.missing.person": "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的人名。）",
  "ask.missing.duration":
    "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的时长。）",
  "ask.missing.number": "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的数字。）",
  "ask.missing.time": "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的时间。）",
  "ask.missing.place": "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的地点。）",
  "ask.missing.reason": "没有找到能回答这个问题的句子。（提到 {words} 的句子里没有问题问的原因。）",
  "ask.vagueCount":
    "没有找到能回答这个问题的句子。（提到 {words} 的句子只说了「{count}」，没有确切的数字。）",
  "ask.noMatch": "没有找到能回答这个问题的句子。（文章里没有足够切题的句子：{words}。）",
  "ask.empty": "请输入问题，例如：谁领导了美国代表团？",
  "ask.tooLong": "问题太长（{length} 字），最多 {max} 字。",
  "ask.noKeywords": "这个问题里没有可以查找的关键词，请换个说法，例如：谁领导了美国代表团？",
  "ask.answerCount": "答案数必须是 1 到 {max} 之间的整数（收到：{value}）。",
  "ask.about": "只在这篇文章里找：{title}",
  "ask.button": "就此文提问",
  "ask.buttonFor": "就第 {n} 篇提问",
  "ask.questionLabel": "你的问题",
  "ask.questionPlaceholder": "例如：会谈持续了多久？",

  "articles.title": "文章列表（共 {total} 篇，最新的在前）",
  "articles.none": "还没有载入任何文章。",
  "article.notFound": "找不到文章 {id}。",
  "article.listHint": "用 /文章 查看文章列表，或用 /搜索 搜索。",
  "article.ambiguous": "不止一篇文章符合“{typed}”，例如：{choices}。",
  "article.pickOne": "请从列表中选一篇，或输入文章编号（例如 {id}）。",
  "folder.missing": "找不到文章文件夹 {folder}（不存在或无法读取）。",

  "option.range": "{option} 必须是 {min} 到 {max} 之间的整数。",
  "option.atLeast": "{option} 必须是不小于 {min} 的整数。",
  "option.notInteger": "{option} 必须是整数，而不是“{value}”。",
  "option.required": "缺少 {option}。",
  "option.needsValue": "选项 {option} 后面要跟一个值。",
  "option.unknown": "不认识选项 {option}。{command} 可用的选项：{known}",
  "option.unknownNone": "不认识选项 {option}。{command} 没有选项。",
  "page.beyondEnd": "只有 {pages} 页，没有第 {page} 页。",
  "command.unknown": "不认识命令 {command}。",
  "command.didYouMean": "你是不是要找 {suggestion}？",
  "command.known": "可用的命令：{commands}",
  "command.none": "请输入命令，例如：search 北约。",

  "help.title": "读报 dubao：使用说明",
  "help.intro":
    "我读新闻文章，回答以下命令。文章参数可以输入标题的一部分、编号或日期，再从列表中选择。",
  "help.footer": "回答只来自已载入的文章，并附原文链接。",
  "help.required": "（必填）",
  "help.more": "想看一条命令的详细说明：{example}",
  "cli.usage": "用法：cli <命令> [词语] [--seeds 文件夹] [--json]",
  "cli.options": "选项写作 --名称 值、--名称=值 或 名称:值。",
  "cli.stdin": "不带命令时，从标准输入每行读一条命令。",
  "cli.typeLines": "每行输入一条命令，Ctrl-D 结束：",
  "cli.helpOne": "cli help <命令> 说明一条命令。",
  "help.console":
    "读报 dubao 本地控制台。输入命令，例如：/summary、/quotes 谢尔曼、/search 北约、/ask 谁领导了美国代表团？\n命令与 CLI 相同（开头的 / 可省略）；选项可写作 --article n13495457，也可像 Discord 一样写作 article:n13495457。\nTab 键补全命令、人名和文章编号；/more 看下一页；/exit 退出。",

  "plain.dated": "{title}（{date}）",
  "plain.aside": "（{text}）",
  "plain.aliases": "{name}（{aliases}）",
  "plain.groupSeparator": "；",
  "plain.articles": "共 {total} 篇文章，第 {page}/{pages} 页：",
  "plain.searchTitle": "“{query}”共找到 {total} 篇文章（第 {first}–{last} 篇）：",
  "plain.summaryTitle": "{article} 摘要：",
  "plain.quotesTitle": "{who}，共 {count} 条引语：",
  "plain.quoteSource": "{title} {paragraph} {url}",
  "plain.peopleNone": "没有找到人物。",
  "plain.peopleNoneWith":
    "没有名字以“{prefix}”开头的说话人。试试 /引语 {prefix}，或名字的另一种写法。",
  "plain.person": "{person}：{articles} 篇文章，{count} 条引语",
  "plain.askNone": "没有找到答案。",

  "bot.internalError": "出错了，这次没能回答。请稍后再试。",
  "bot.notYours": "只有 {owner} 可以翻页。请自己执行这个命令。",
  "bot.expired": "这些按钮已过期，请重新执行命令。",
  "bot.unknownCommand": "不认识这个命令。请用 /帮助 查看可用的命令。",
  "bot.unknownButton": "这个按钮已失效。",

  "console.ready": "读报 dubao：已载入 {count} 篇文章。输入 /help 查看命令，/exit 退出。",
  "console.error": "错误：{message}",
  "console.failed": "出错了（详见日志）。",
  "console.more": "（第 {page}/{pages} 页。输入 /more 看下一页。）",
  "console.noMore": "没有下一页了。",
  "console.moreResults": "（还有更多结果。输入 /more 看下一页。）",
  "console.interrupt": "（再按一次 Ctrl-C 退出）",
} as const;

export type MessageCode = keyof typeof zhCN;
export type Catalog = Record<MessageCode, string>;
