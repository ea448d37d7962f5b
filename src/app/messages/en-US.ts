import type { Catalog } from "./zh-CN.js";

/** English. Examples of what to type stay Chinese on purpose: the articles are Chinese. */
export const enUS: Catalog = {
  "ui.page": "Page {page}/{pages}",
  "ui.previous": "Previous",
  "ui.next": "Next",
  "ui.source": "Source",
  "ui.noLink": "(no source link)",
  "ui.paragraph": "paragraph {n}",
  "ui.listSeparator": ", ",

  "search.title": "Search “{query}”: {total} {total:article|articles}",
  "search.none": "No article contains “{query}”.",
  "search.try": "Try: {words}",
  "search.shownFirst": "showing the first {shown}",
  "search.raiseLimit": "showing the first {shown}; set “{option}” up to {max} to see more",
  "search.empty": "Type something to search for, e.g. 北约, 谢尔曼, NATO.",
  "search.tooLong": "The query is too long ({length} characters; at most {max}).",
  "search.noTerms": "The query has no words or characters to search for.",
  "search.tooManyTerms": "The query has too many terms (at most {max}).",
  "search.operators":
    "Search does not take OR, AND, NOT or “-” to leave a word out: the articles found contain every word typed. Type only the words to find, e.g. 北约 俄罗斯.",
  "search.isArticleLink":
    "This link is an article: {title}. Use /summary or /source to read it, or /ask to ask about it.",
  "search.isArticleId":
    "“{query}” is the id of an article: {title}. Use /summary or /source to read it, or /ask to ask about it.",
  "search.isLink":
    "The query is a link, not words. To read an article, give its link to /summary or /source; to search, type words, e.g. 北约.",

  "summary.label": "Summary",
  "summary.fewer":
    "This article gives only {count} {count:sentence|sentences} ({requested} asked for).",
  "summary.sentences":
    "The number of sentences must be a whole number from 1 to {max} (got {value}).",

  "quotes.title": "{who}: {count} {count:quote|quotes}",
  "quotes.none": "{who}: no quotes found.",
  "quotes.kind.partial": "partial quote",
  "quotes.kind.reported": "reported speech",
  "quotes.kind.interview": "interview",
  "quotes.empty": "Type a name, e.g. 谢尔曼, Sherman.",
  "quotes.nameTooLong": "The name is too long ({length} characters; at most {max}).",
  "quotes.notFound": "No quotes found for {person}.",
  "quotes.didYouMean": "Did you mean: {names}",
  "quotes.anySpelling": "Type any spelling of the name: Chinese, English or traditional script.",

  "ask.title": "Q: {question}",
  "ask.none": "No sentence found that answers this question.",
  "ask.noArticles": "No sentence found that answers this question: no article is about it.",
  "ask.anchorMissing":
    "No sentence found that answers this question: the related articles do not mention “{anchor}”.",
  "ask.missing.person":
    "No sentence found that answers this question: the sentences about {words} name no person.",
  "ask.missing.duration":
    "No sentence found that answers this question: the sentences about {words} give no length of time.",
  "ask.missing.number":
    "No sentence found that answers this question: the sentences about {words} give no such number.",
  "ask.missing.time":
    "No sentence found that answers this question: the sentences about {words} give no such time.",
  "ask.missing.place":
    "No sentence found that answers this question: the sentences about {words} name no place.",
  "ask.missing.reason":
    "No sentence found that answers this question: the sentences about {words} give no reason.",
  "ask.vagueCount":
    "No sentence found that answers this question: the sentences about {words} give only a vague count (“{count}”), no figure.",
  "ask.noMatch":
    "No sentence found that answers this question: no sentence is close enough to {words}.",
  "ask.empty": "Type a question, e.g. 谁领导了美国代表团？",
  "ask.tooLong": "The question is too long ({length} characters; at most {max}).",
  "ask.noKeywords":
    "The question has no words to look for; try asking it another way, e.g. 谁领导了美国代表团？",
  "ask.answerCount": "The number of answers must be a whole number from 1 to {max} (got {value}).",
  "ask.about": "From this article only: {title}",
  "ask.button": "Ask about this article",
  "ask.buttonFor": "Ask about #{n}",
  "ask.questionLabel": "Your question",
  "ask.questionPlaceholder": "e.g. 会谈持续了多久？",

  "articles.title": "Articles ({total}, newest first)",
  "articles.none": "No articles are loaded yet.",
  "article.notFound": "No article {id}.",
  "article.listHint": "Use /articles to list the articles, or /search to find one.",
  "article.ambiguous": "More than one article matches “{typed}”, e.g. {choices}.",
  "article.pickOne": "Pick one from the list, or type the article id (e.g. {id}).",
  "folder.missing": "The articles folder {folder} does not exist or cannot be read.",

  "option.range": "{option} must be a whole number from {min} to {max}.",
  "option.atLeast": "{option} must be a whole number, {min} or more.",
  "option.notInteger": "{option} must be a whole number, not “{value}”.",
  "option.required": "{option} is missing.",
  "option.needsValue": "The option {option} needs a value.",
  "option.unknown": "Unknown option {option}. {command} takes: {known}",
  "option.unknownNone": "Unknown option {option}. {command} takes no options.",
  "page.beyondEnd": "There {pages:is|are} only {pages} {pages:page|pages}, no page {page}.",
  "command.unknown": "Unknown command {command}.",
  "command.didYouMean": "Did you mean {suggestion}?",
  "command.known": "Commands: {commands}",
  "command.none": "Type a command, e.g. search 北约.",

  "help.title": "dubao (读报): help",
  "help.intro":
    "I read Chinese news articles and answer these commands. For an article option, type part of a title, an id or a date and pick from the list.",
  "help.footer": "Answers come only from the loaded articles, with a link to the source.",
  "help.required": " (required)",
  "help.more": "For one command in detail: {example}",
  "cli.usage": "usage: cli <command> [words] [--seeds DIR] [--json]",
  "cli.options": "Options take --name value, --name=value or name:value.",
  "cli.stdin": "With no command, reads one command per line from standard input.",
  "cli.typeLines": "Type one command per line; Ctrl-D ends:",
  "cli.helpOne": "cli help <command> explains one command.",
  "help.console":
    "dubao (读报) local console. Type a command, e.g. /summary, /quotes 谢尔曼, /search 北约, /ask 谁领导了美国代表团？\nThe commands are the CLI's (the leading / is optional); write options as --article n13495457 or, as in Discord, article:n13495457.\nTab completes commands, people and article ids; /more shows the next page; /exit quits.",

  "plain.dated": "{title} ({date})",
  "plain.aside": " ({text})",
  "plain.aliases": "{name} ({aliases})",
  "plain.groupSeparator": "; ",
  "plain.articles": "{total} {total:article|articles}, page {page}/{pages}:",
  "plain.searchTitle": "“{query}”: {total} {total:article|articles} ({first}–{last}):",
  "plain.summaryTitle": "{article}, summary:",
  "plain.quotesTitle": "{who}, {count} {count:quote|quotes}:",
  "plain.quoteSource": "{title}, {paragraph} {url}",
  "plain.peopleNone": "No people found.",
  "plain.peopleNoneWith":
    "Nobody quoted has a name starting with “{prefix}”. Try /quotes {prefix}, or another spelling of the name.",
  "plain.person": "{person}: {articles} {articles:article|articles}, {count} {count:quote|quotes}",
  "plain.askNone": "No answer found.",

  "bot.internalError": "Something went wrong and I could not answer. Please try again later.",
  "bot.notYours": "Only {owner} can turn these pages. Run the command yourself.",
  "bot.expired": "These buttons have expired. Please run the command again.",
  "bot.unknownCommand": "Unknown command. Use /help to see what I can do.",
  "bot.unknownButton": "This button no longer works.",

  "console.ready":
    "dubao (读报): {count} articles loaded. Type /help for the commands, /exit to quit.",
  "console.error": "Error: {message}",
  "console.failed": "Something went wrong (see the log).",
  "console.more": "(Page {page}/{pages}. Type /more for the next page.)",
  "console.noMore": "There is no next page.",
  "console.moreResults": "(More results follow. Type /more for the next page.)",
  "console.interrupt": "(Press Ctrl-C again to quit)",
};
