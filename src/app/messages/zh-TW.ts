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

  "summary.label": "摘要",
  "summary.sentences": "摘要的句數必須是 1 到 {max} 之間的整數（收到：{value}）。",

  "quotes.title": "{who}：{count} 則引語",
  "quotes.none": "{who}：沒有找到引語。",
  "quotes.kind.partial": "部分引語",
  "quotes.kind.reported": "轉述",
  "quotes.empty": "請輸入人名，例如：謝爾曼、Sherman。",
  "quotes.nameTooLong": "人名太長（{length} 字），最多 {max} 字。",
  "quotes.notFound": "沒有找到 {person} 的引語。",
  "quotes.didYouMean": "你是不是要找：{names}",
  "quotes.anySpelling": "用 /quotes 時輸入人名的任一寫法（中文、英文或簡體）。",

  "ask.title": "問：{question}",
  "ask.none": "沒有找到能回答這個問題的句子。",
  "ask.empty": "請輸入問題，例如：誰領導了美國代表團？",
  "ask.tooLong": "問題太長（{length} 字），最多 {max} 字。",
  "ask.noKeywords": "這個問題裡沒有可以查找的關鍵詞，請換個說法，例如：誰領導了美國代表團？",
  "ask.answerCount": "答案數必須是 1 到 {max} 之間的整數（收到：{value}）。",

  "articles.title": "文章列表（共 {total} 篇，最新的在前）",
  "articles.none": "還沒有載入任何文章。",
  "article.notFound": "找不到文章 {id}。",
  "article.listHint": "用 /articles 查看文章列表，或用 /search 搜尋。",
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
