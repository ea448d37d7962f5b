import type { Catalog } from "./zh-CN.js";

/** Traditional Chinese as written in Taiwan (hand-written: 搜尋, 連結, 頁, 指令). */
export const zhTW: Catalog = {
  "ui.page": "第 {page}/{pages} 頁",
  "ui.previous": "上一頁",
  "ui.next": "下一頁",
  "ui.source": "原文",
  "ui.noLink": "（無原文連結）",
  "ui.paragraph": "第 {n} 段",
  "ui.listSeparator": "、",

  "search.title": "搜尋「{query}」：找到 {total} 篇文章",
  "search.none": "沒有找到包含「{query}」的文章。",
  "search.try": "試試：{words}",
  "search.empty": "請輸入要搜尋的詞，例如：北約、謝爾曼、NATO。",
  "search.tooLong": "搜尋詞太長（{length} 字），最多 {max} 字。",
  "search.noTerms": "搜尋詞裡沒有可以搜尋的文字或詞語。",
  "search.tooManyTerms": "搜尋詞太多，最多 {max} 個。",
  "search.operators":
    "搜尋不支援 OR、AND、NOT，也不能用「-」排除詞語：找到的文章包含輸入的每一個詞。請只輸入要找的詞，例如：北約 俄羅斯。",
  "search.isArticleLink":
    "這個連結是一篇文章：{title}。用 /summary 或 /source 看這篇文章，或用 /ask 就它提問。",
  "search.isArticleId":
    "「{query}」是一篇文章的編號：{title}。用 /summary 或 /source 看這篇文章，或用 /ask 就它提問。",
  "search.isLink":
    "搜尋詞是一個連結，不是詞語。要看一篇文章，把它的連結交給 /summary 或 /source；要搜尋，請輸入詞語，例如：北約。",

  "summary.label": "摘要",
  "summary.sentences": "摘要的句數必須是 1 到 {max} 之間的整數（收到：{value}）。",

  "quotes.title": "{who}：{count} 則引語",
  "quotes.none": "{who}：沒有找到引語。",
  "quotes.kind.partial": "部分引語",
  "quotes.kind.reported": "轉述",
  "quotes.kind.interview": "訪談",
  "quotes.empty": "請輸入人名，例如：謝爾曼、Sherman。",
  "quotes.nameTooLong": "人名太長（{length} 字），最多 {max} 字。",
  "quotes.notFound": "沒有找到 {person} 的引語。",
  "quotes.didYouMean": "你是不是要找：{names}",
  "quotes.anySpelling": "用 /quotes 時輸入人名的任一寫法（中文、英文或簡體）。",

  "ask.title": "問：{question}",
  "ask.none": "沒有找到能回答這個問題的句子。",
  "ask.noArticles": "沒有找到能回答這個問題的句子。沒有相關的文章。",
  "ask.anchorMissing": "沒有找到能回答這個問題的句子。（相關的文章裡沒有提到「{anchor}」。）",
  "ask.missing.person": "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的人名。）",
  "ask.missing.duration":
    "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的時長。）",
  "ask.missing.number": "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的數字。）",
  "ask.missing.time": "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的時間。）",
  "ask.missing.place": "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的地點。）",
  "ask.missing.reason": "沒有找到能回答這個問題的句子。（提到 {words} 的句子裡沒有問題問的原因。）",
  "ask.vagueCount":
    "沒有找到能回答這個問題的句子。（提到 {words} 的句子只說了「{count}」，沒有確切的數字。）",
  "ask.noMatch": "沒有找到能回答這個問題的句子。（文章裡沒有足夠切題的句子：{words}。）",
  "ask.empty": "請輸入問題，例如：誰領導了美國代表團？",
  "ask.tooLong": "問題太長（{length} 字），最多 {max} 字。",
  "ask.noKeywords": "這個問題裡沒有可以查找的關鍵詞，請換個說法，例如：誰領導了美國代表團？",
  "ask.answerCount": "答案數必須是 1 到 {max} 之間的整數（收到：{value}）。",
  "ask.about": "只在這篇文章裡找：{title}",
  "ask.button": "就此文提問",
  "ask.buttonFor": "就第 {n} 篇提問",
  "ask.questionLabel": "你的問題",
  "ask.questionPlaceholder": "例如：會談持續了多久？",

  "articles.title": "文章列表（共 {total} 篇，最新的在前）",
  "articles.none": "還沒有載入任何文章。",
  "article.notFound": "找不到文章 {id}。",
  "article.listHint": "用 /articles 查看文章列表，或用 /search 搜尋。",
  "article.ambiguous": "不止一篇文章符合「{typed}」，例如：{choices}。",
  "article.pickOne": "請從列表中選一篇，或輸入文章編號（例如 {id}）。",
  "folder.missing": "找不到文章資料夾 {folder}（不存在或無法讀取）。",

  "option.range": "{option} 必須是 {min} 到 {max} 之間的整數。",
  "option.atLeast": "{option} 必須是不小於 {min} 的整數。",
  "option.notInteger": "{option} 必須是整數，而不是「{value}」。",
  "option.required": "缺少 {option}。",
  "option.needsValue": "選項 {option} 後面要跟一個值。",
  "option.unknown": "不認識選項 {option}。{command} 可用的選項：{known}",
  "option.unknownNone": "不認識選項 {option}。{command} 沒有選項。",
  "page.beyondEnd": "只有 {pages} 頁，沒有第 {page} 頁。",
  "command.unknown": "不認識指令 {command}。",
  "command.didYouMean": "你是不是要找 {suggestion}？",
  "command.known": "可用的指令：{commands}",
  "command.none": "請輸入指令，例如：search 北約。",

  "help.title": "讀報 dubao：使用說明",
  "help.intro":
    "我閱讀新聞文章，回答以下指令。文章參數可以輸入標題的一部分、編號或日期，再從清單中選擇。",
  "help.footer": "回答只來自已載入的文章，並附原文連結。",
  "help.console":
    "讀報 dubao 本機主控台。輸入指令，例如：/summary、/quotes 謝爾曼、/search 北約、/ask 誰領導了美國代表團？\n指令與 CLI 相同（開頭的 / 可省略）；選項可寫作 --article n13495457，也可像 Discord 一樣寫作 article:n13495457。\nTab 鍵補全指令、人名和文章編號；/more 看下一頁；/exit 離開。",

  "plain.dated": "{title}（{date}）",
  "plain.aside": "（{text}）",
  "plain.aliases": "{name}（{aliases}）",
  "plain.groupSeparator": "；",
  "plain.articles": "共 {total} 篇文章，第 {page}/{pages} 頁：",
  "plain.searchTitle": "「{query}」共找到 {total} 篇文章（第 {first}–{last} 篇）：",
  "plain.summaryTitle": "{article} 摘要：",
  "plain.quotesTitle": "{who}，共 {count} 則引語：",
  "plain.quoteSource": "{title} {paragraph} {url}",
  "plain.peopleNone": "沒有找到人物。",
  "plain.person": "{person}：{count} 則引語",
  "plain.askNone": "沒有找到答案。",

  "bot.internalError": "出了點問題，這次沒能回答。請稍後再試。",
  "bot.notYours": "只有 {owner} 可以翻頁。請自己執行這個指令。",
  "bot.expired": "這些按鈕已過期，請重新執行指令。",
  "bot.unknownCommand": "不認識這個指令。請用 /help 查看可用的指令。",
  "bot.unknownButton": "這個按鈕已失效。",

  "console.ready": "讀報 dubao：已載入 {count} 篇文章。輸入 /help 查看指令，/exit 離開。",
  "console.failed": "出錯了（詳見日誌）。",
  "console.more": "（第 {page}/{pages} 頁。輸入 /more 看下一頁。）",
  "console.noMore": "沒有下一頁了。",
  "console.interrupt": "（再按一次 Ctrl-C 離開）",
};
