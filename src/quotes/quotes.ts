import type { Article } from "../articles/article.js";
import { wordList } from "../text/lexicon.js";
import { foldText, NAME_DOT, NAME_DOTS, segmenter, toSimplified } from "../text/text.js";

/**
 * Quotation extraction with speaker attribution for Chinese news writing.
 *
 * The extractor works on the folded text (simplified, half-width letters, full-width sentence
 * punctuation, one name dot; the same offsets as the original), so traditional articles
 * (「」『』, 說, 表示) go through the same rules; the quoted text and the names are cut out of the
 * original text.
 *
 * One pass per article:
 *  1. the top-level quotations of each paragraph (“”, 「」, 『』; nested marks stay inside). A
 *     quotation running over several paragraphs (an opening mark at each paragraph, the closing one
 *     only at the end) is ONE quote, its paragraphs joined by "\n", numbered where it starts;
 *  2. the people named in the article, from cues rather than a list of names: dotted
 *     transliterations (温迪‧谢尔曼), a title before a name (发言人赵立坚), an English name in
 *     parentheses, 又译/昵称 aliases, 化名, 姓陈的经理, the names standing before speech verbs, and
 *     names the jieba dictionary tags as persons at the start of a clause;
 *  3. the speech events (quotations, and speech verbs followed by reported speech) in text order,
 *     each attributed to a person: the name in the speaker slot before the verb or after the
 *     closing mark, a pronoun (他/她) resolved to the most recent compatible person (gender from
 *     女士/先生 and from earlier unambiguous 她/他; the subject of a sentence before its objects),
 *     or no subject at all (the subject of the sentence, else the speaker going on);
 *  4. interview transcripts (`杨杰凯：…` paragraphs): one direct quote per paragraph, unlabelled
 *     paragraphs continuing the last named speaker (role labels such as 主持人 are nobody).
 *
 * Kinds: `direct` (an utterance introduced or attributed as such, or continuing a speaker),
 * `partial` (a fragment inside reported speech: 并称俄罗斯“无意入侵乌克兰”), `reported` (speech
 * without quotation marks, only with `{ reported: true }`). Not quotes: 《》 titles, short quoted
 * terms and slogans (所谓的“清零”, “一带一路”倡议, “A”、“B”), and the words of organisations,
 * media, documents and unnamed people (白宫, 外交部, 路透社, 报告, 网友, 一名官员): they are dropped,
 * not kept as speakers.
 */

export type QuoteKind = "direct" | "partial" | "reported";

export interface Quote {
  /** Canonical name of the person. */
  speaker: string;
  /** Exact quoted text without the marks (paragraphs of a multi-paragraph quote joined by "\n"). */
  text: string;
  kind: QuoteKind;
  articleId: string;
  /** 1-based body paragraph where the quote starts. */
  paragraph: number;
  url: string | null;
}

export interface ArticlePerson {
  /** Canonical name: surname-only transliteration for foreign names, full name for Chinese ones. */
  name: string;
  /** Every other form seen in this article, original script (full names, English, 又译 aliases). */
  aliases: string[];
}

export interface ArticleQuotes {
  articleId: string;
  /** The article's date, for ordering quotes across articles (optional for older callers). */
  date?: string | null;
  /** The people quoted in this article. */
  people: ArticlePerson[];
  quotes: Quote[];
}

export interface ExtractOptions {
  /** Also return reported speech without quotation marks (kind "reported"). */
  reported?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Lexicons (simplified script; the text is folded before matching)

/** Characters used in transliterations of foreign names (Xinhua-style tables, as seen in news). */
const TRANSLIT = new Set(
  "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯勃博布卜查柴彻楚茨达大戴丹道德得登邓迪狄蒂丁东杜顿多厄恩尔" +
    "法范菲斐芬丰佛弗福盖甘冈高戈哥格根古瓜圭哈海汉翰豪赫黑亨洪胡华怀惠霍基吉加嘉贾简杰金卡凯坎康柯科可克" +
    "肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾黎里理历利丽莉廉连列林琳柳隆龙卢鲁路伦罗洛吕马玛迈麦曼梅门蒙孟米密明摩莫" +
    "默姆穆纳娜奈南内尼妮宁纽努诺欧帕派潘庞培佩彭皮珀普齐奇契恰乔切钦琼丘让热荣瑞若萨塞赛桑瑟森沙莎珊山尚绍" +
    "舍申圣施什史舒斯丝松苏索塔泰坦汤唐特滕提廷图托瓦娃万旺威韦维魏温文沃乌伍武西希锡夏谢辛休修许雅亚延扬" +
    "杨耶伊因英尤约泽扎詹兹朱卓佐娅黛芙茜薇露萝夫治卫费歇汀肖罕逊芭琪姬莲蓬佳烈茱札川墨考易汗斯德兹缇涅捷" +
    "缅乌科霍蒂娅丹琼祖巧瑙京当珍葛伏思",
);

/** Common Chinese surnames (single); compound ones below. */
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈" +
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔" +
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季" +
    "裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑" +
    "景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝习郁封蔺" +
    "洪郦卓",
);
const COMPOUND_SURNAMES = wordList("compound-surnames");

/** Characters that never occur in a Chinese given name in practice (function words, verbs). */
const NOT_IN_GIVEN_NAME = new Set(
  "说表称在对于的了是也还则等和与及并都就又曾已今昨周日年这那此其之着过们被把将要所因为以但而或从到给让受称示道地竟仍才均皆亦即乃多撰推贴媒体们你我",
);

/** Titles and roles written before a name (美国总统拜登, 发言人赵立坚, 教授张维迎). */
const TITLES = (
  "总统 副总统 前总统 总统当选人 当选总统 总理 副总理 首相 副首相 国务卿 副国务卿 外长 副外长 外交部长 外交部副部长 部长 " +
  "副部长 国防部长 防长 大臣 国务大臣 外交大臣 发言人 新闻发言人 新闻秘书 秘书长 副秘书长 秘书 主席 副主席 委员长 委员 " +
  "书记 总书记 副书记 常委 省长 副省长 市长 副市长 州长 副州长 县长 区长 镇长 村长 议长 副议长 议员 参议员 众议员 " +
  "联邦参议员 联邦众议员 州参议员 州众议员 市议员 立委 立法委员 大使 公使 领事 总领事 特使 特首 代表 高级代表 官员 " +
  "高官 外交官 顾问 安全顾问 国家安全顾问 主任 副主任 局长 副局长 署长 司长 处长 科长 厅长 院长 副院长 校长 " +
  "副校长 所长 馆长 社长 会长 副会长 理事长 理事 董事长 董事 总裁 副总裁 总经理 经理 首席执行官 执行长 行政总裁 " +
  "首席经济学家 首席分析师 创始人 联合创始人 创办人 负责人 主管 总监 总编辑 总编 主编 编辑 记者 专栏作家 " +
  "作家 作者 评论员 时事评论员 评论家 政论家 专家 学者 教授 副教授 助理教授 讲师 研究员 高级研究员 分析师 " +
  "经济学家 科学家 历史学家 政治学家 社会学家 法学家 律师 法官 大法官 检察官 检察长 医生 医师 护士 主持人 " +
  "主播 导演 演员 歌手 艺人 运动员 球员 球星 教练 选手 将军 上将 中将 少将 上校 中校 少校 司令 司令员 指挥官 " +
  "舰长 警长 警官 牧师 神父 主教 法师 网友 博主 民众 居民 市民 村民 工人 商人 老板 店主 业主 家长 领袖 " +
  "领导人 党魁 党主席 候选人 参选人 人士 活动人士 维权人士 异议人士 民运人士 成员 志愿者 创作者 企业家 " +
  "投资人 投资者 银行家 工程师 设计师 艺术家 画家 诗人 音乐家 博士 老师 参谋长 部门主管 首席 副手 王储 国王 " +
  "女王 王后 王子 公主 亲王 首脑 政委 总指挥 总干事 干事 执行董事 总监察长 监察长 专员 幕僚长 副幕僚长 新闻官 " +
  "外长助理 助理国务卿 助卿 特别代表 副代表 大会主席 执行主任 常务理事 议会领袖 多数党领袖 少数党领袖 党鞭 " +
  "活动家 社运人士 维权律师 人权律师 访民 车主 店员 司机 护理人员 母亲 父亲 妻子 丈夫 女儿 儿子"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);

/** Written right after a name (拜登总统, 谢尔曼女士), with the gender they tell when they do. */
const POST_TITLES: [string, Gender | undefined][] = [
  ["女士", "f"],
  ["小姐", "f"],
  ["夫人", "f"],
  ["太太", "f"],
  ["先生", "m"],
  ["总统", undefined],
  ["主席", undefined],
  ["总理", undefined],
  ["首相", undefined],
  ["博士", undefined],
  ["教授", undefined],
  ["议员", undefined],
  ["医生", undefined],
  ["律师", undefined],
  ["老师", undefined],
  ["将军", undefined],
  ["本人", undefined],
];

const FEMALE_TITLES = [
  "女士",
  "小姐",
  "夫人",
  "太太",
  "女王",
  "王后",
  "公主",
  "母亲",
  "妈妈",
  "妻子",
  "女儿",
  "修女",
  "女议员",
  "女发言人",
  "女演员",
  "女歌手",
  "女作家",
  "女记者",
  "女主持人",
  "女性",
  "女子",
];
const MALE_TITLES = [
  "先生",
  "丈夫",
  "父亲",
  "爸爸",
  "儿子",
  "神父",
  "国王",
  "王子",
  "男子",
  "男性",
];

/** Places, organisations and group nouns that look like names but are not people. */
const NOT_PEOPLE = new Set(
  (
    "美国 中国 中共 俄罗斯 乌克兰 台湾 香港 澳门 日本 韩国 朝鲜 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 " +
    "瑞典 挪威 芬兰 丹麦 冰岛 爱尔兰 奥地利 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 希腊 " +
    "土耳其 立陶宛 拉脱维亚 爱沙尼亚 白俄罗斯 摩尔多瓦 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 吉尔吉斯斯坦 " +
    "塔吉克斯坦 乌兹别克斯坦 土库曼斯坦 蒙古 印度 巴基斯坦 阿富汗 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 " +
    "沙特 阿联酋 卡塔尔 也门 阿曼 科威特 巴林 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 埃塞俄比亚 肯尼亚 " +
    "索马里 尼日利亚 南非 加纳 刚果 津巴布韦 加拿大 墨西哥 古巴 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 " +
    "厄瓜多尔 玻利维亚 乌拉圭 巴拉圭 尼加拉瓜 洪都拉斯 危地马拉 萨尔瓦多 哥斯达黎加 巴拿马 海地 多米尼加 " +
    "澳大利亚 澳洲 新西兰 斐济 所罗门 帕劳 图瓦卢 瑙鲁 基里巴斯 马绍尔 菲律宾 越南 老挝 柬埔寨 泰国 缅甸 " +
    "马来西亚 新加坡 印尼 印度尼西亚 文莱 东帝汶 尼泊尔 不丹 孟加拉 斯里兰卡 马尔代夫 欧洲 亚洲 非洲 美洲 " +
    "北美 南美 欧盟 北约 联合国 东盟 华盛顿 莫斯科 日内瓦 伦敦 巴黎 柏林 纽约 加州 德州 佛州 佛罗里达 底特律 " +
    "芝加哥 洛杉矶 旧金山 西雅图 波士顿 费城 亚特兰大 休斯顿 达拉斯 维也纳 布鲁塞尔 基辅 明斯克 东京 首尔 " +
    "平壤 曼谷 悉尼 墨尔本 多伦多 温哥华 蒙特利尔 渥太华 迪拜 北京 上海 天津 重庆 广州 深圳 武汉 西安 南京 " +
    "杭州 成都 郑州 长沙 台北 高雄 台中 台南 新竹 桃园 白宫 国会 国务院 外交部 国防部 五角大楼 克里姆林宫 " +
    "路透社 路透 美联社 法新社 彭博 彭博社 新华社 央视 中新社 共同社 塔斯社 大纪元 新唐人 希望之声 美国之音 " +
    "自由亚洲电台 法广 德国之声 谷歌 苹果 微软 脸书 推特 亚马逊 特斯拉 辉瑞 莫德纳 强生 阿斯利康 英特尔 高通 " +
    "三星 索尼 丰田 福特 通用 波音 空客 沃尔玛 迪士尼 耐克 阿迪达斯 星巴克 麦当劳 华为 腾讯 阿里巴巴 阿里 百度 " +
    "抖音 微博 微信 推特 油管 优兔 美方 中方 俄方 台方 日方 韩方 英方 欧方 港方 官方 警方 校方 院方 军方 " +
    "资方 劳方 双方 对方 各方 当局 政府 媒体 记者 专家 学者 网友 民众 居民 市民 村民 人们 大家 有人 外界 网民 " +
    "官员 人士 当地 各国 全国 全球 世界 社会 大陆 内地 两岸 国际 中央 地方 当天 今天 昨天 明天 目前 现在 " +
    "之前 之后 此前 以后 最后 最近 然后 同时 随后 但是 不过 然而 因此 所以 而且 并且 另外 此外 其中 对此 对于 " +
    "关于 由于 这个 那个 一个 这位 那位 该名 这名 这些 那些 他们 她们 我们 你们 自己 本人 此人 有关 相关 " +
    "报告 声明 文章 调查 研究 数据 消息 新闻 报导 报道 民调 公告 通知 规定 法案 文件 信中 信件 推文 帖子 " +
    "视频 节目 网站 平台 公司 集团 企业 机构 组织 部门 单位 团体 协会 学会 基金会 医院 大学 学校 法院 " +
    "检察院 议会 国会 内阁 政党 民主党 共和党 国民党 民进党 共产党 工党 保守党 自由党 党中央 中宣部 中纪委 " +
    "卫健委 疾控中心 世卫 世卫组织 世界卫生组织 国际奥委会 奥委会 北京冬奥组委 冬奥组委 陆委会 行政院 立法院 " +
    "监察院 总统府 国台办 港府 中联办 特区政府 港澳办 公安 警察 法官 律师 医生 护士 老师 学生 家长 工人 " +
    "解放军 共军 国军 美军 俄军 日军 英军 台军 韩军 志愿军 联军 盟军 红军 八路军 新四军 国民党军 反对派 当局者 " +
    "韩国人 美国人 中国人 日本人 台湾人 香港人 英国人 俄罗斯人 外国人 华人 港人 台胞 国人 大陆人 " +
    "高管 主管 员工 职员 雇员 农民 学者 专家 教授 博士 高层 领导 干部 党员 军人 士兵 警员 编辑 作者 " +
    "网民 业主 房东 租客 司机 乘客 游客 选民 议员 委员 代表 成员 会员 粉丝 球迷 观众 听众 读者 商人 " +
    "老板 店主 厂长 经理 董事 股东 投资者 消费者 患者 病人 死者 伤者 嫌犯 嫌疑人 被告 原告 证人 当事人 " +
    "知情人 知情者 发言人 女儿 儿子 母亲 父亲 妻子 丈夫 姐姐 妹妹 哥哥 弟弟 孩子 家人 亲属 朋友 同事 邻居 " +
    "同学 许多人 很多人 不少人 有些人 一些人 任何人 大多数人 多数人 少数人 众人 路人 旁人 外人 别人 他人 " +
    "阿拉巴马 阿拉斯加 亚利桑那 阿肯色 加利福尼亚 科罗拉多 康涅狄格 特拉华 佐治亚 夏威夷 爱达荷 伊利诺伊 " +
    "印第安纳 艾奥瓦 爱荷华 堪萨斯 肯塔基 路易斯安那 缅因 马里兰 马萨诸塞 麻萨诸塞 密歇根 密西根 明尼苏达 " +
    "密西西比 密苏里 蒙大拿 内布拉斯加 内华达 新罕布什尔 新罕布夏 新泽西 新墨西哥 纽约州 北卡罗来纳 北卡 " +
    "北达科他 俄亥俄 俄克拉荷马 俄勒冈 宾夕法尼亚 宾州 罗得岛 罗德岛 南卡罗来纳 南卡 南达科他 田纳西 " +
    "得克萨斯 德克萨斯 犹他 佛蒙特 弗吉尼亚 维吉尼亚 华盛顿州 西弗吉尼亚 威斯康星 怀俄明 高盛 红旗 摩根 " +
    "摩根大通 花旗 汇丰 瑞银 野村 惠誉 穆迪 标普 贝莱德 "
  )
    .trim()
    .split(/\s+/),
);

/** What follows a place or an organisation's name rather than a person's. */
const PLACE_OR_ORG_CONTINUATION =
  /^(?:[0-9a-z]|州|市|县|省|村|镇|区|岛|湾|港|河|湖|山|路|街|航空|公司|集团|大学|学院|医院|银行|政府|当局|警方|时报|日报|邮报|电视|电台|新闻|网|队|军|号|级|国|人|方|地区|一带|附近|境内|当地|分析师们|们)/;

/** Last characters that mark an organisation or a place rather than a person. */
const ORG_SUFFIX = new Set(
  "社部院局署厅委府宫党队方省市县州台报网团司所组处校馆厂店区村镇媒界营岛洲湾",
);

/** Speech verbs (simplified), longest first so alternations prefer the longer verb. */
const SPEECH_VERBS = (
  "说 说道 表示 称 声称 宣称 指出 强调 透露 补充 补充说 补充道 写道 写到 认为 回应 回应称 回应说 回答 回答说 答 答道 " +
  "坦言 坦承 承认 警告 呼吁 宣布 问 问道 反问 质问 追问 解释 解释说 解释道 提到 谈到 提及 直言 直呼 感叹 感慨 抱怨 " +
  "批评 指责 谴责 抨击 重申 声明 发文 发文说 发文称 发文表示 贴文 留言 留言说 发帖 发推 推文 表态 介绍 说明 " +
  "分析 分析说 评论 总结 总结说 预测 预言 估计 建议 质疑 笑说 笑称 笑道 怒斥 痛斥 斥责 反驳 哭诉 控诉 坦白 承诺 " +
  "保证 要求 敦促 暗示 称赞 赞扬 表明 描述 形容 告诉 高喊 喊道 喊话 放话 嘲讽 调侃 讽刺 讽道 提醒 回忆 回忆说 " +
  "回忆道 相信 说出 续说 接着说 继续说 进一步说 强调说 指出说 表示说 称说 告诉记者 告诉媒体 答复 " +
  "怒评 点评 痛批 怒批 批 炮轰 驳斥 回怼 怼 感谢 表达 坦承说 自嘲 自曝 爆料 披露 证实 否认 澄清 强调指出 " +
  "回复 回复道 回复说 回信 复电 回电 答复道 主张 坚称 声言 断言 直指 发电报 发出电报 致电 去信 来信 写信 " +
  "发送资讯 发信息 发消息 问说 反问道 追问道 质问道 感叹道 叹道 叹息说 嘟囔 嘀咕 喊 大喊 高呼 呼喊"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);

/** A verb that ends a speaker clause: `谢尔曼说`, `她补充说`, `赵立坚在记者会上表示`. */
const VERB_AT_END = new RegExp(
  `(?:${SPEECH_VERBS.join("|")}|告诉[^，。：；“”「」]{1,30}|问[^，。：；“”「」]{1,10}|对[^，。：；“”「」]{1,20}(?:说|表示)|的(?:见解|看法|说法|原话|回答|回应|名言|话|结论)(?:是|为|如下)?)$`,
);
/** A speaker clause going on after a name: `（Jeremy Carey）表示`, `在声明中说`. */
const VERB_AT_START = new RegExp(
  `^(?:[^，。：；“”「」]{0,10}?)(?:${SPEECH_VERBS.filter((verb) => verb.length > 1 || verb === "说" || verb === "称").join("|")})`,
);

/** Finds words of a fixed list in a text, leftmost-longest, without a giant regex alternation. */
class LiteralMatcher {
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const code = word.charCodeAt(0);
      const list = this.byFirst.get(code) ?? [];
      list.push(word);
      this.byFirst.set(code, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest listed word starting at `index`, or undefined. */
  at(text: string, index: number): string | undefined {
    const list = this.byFirst.get(text.charCodeAt(index));
    if (!list) return undefined;
    for (const word of list) if (text.startsWith(word, index)) return word;
    return undefined;
  }

  *matchAll(text: string): Generator<{ index: number; word: string }> {
    for (let i = 0; i < text.length; i++) {
      const word = this.at(text, i);
      if (word) {
        yield { index: i, word };
        i += word.length - 1;
      }
    }
  }
}

/** Speech verbs anywhere (for partial quotes and reported speech); 问/答 alone are too ambiguous. */
const VERB_MATCHER = new LiteralMatcher(
  SPEECH_VERBS.filter((verb) => verb !== "问" && verb !== "答"),
);

interface VerbMatch {
  index: number;
  length: number;
}

/** The speech verbs of a paragraph, `告诉记者，` counting as one verb up to its punctuation. */
function findVerbs(text: string): VerbMatch[] {
  const verbs: VerbMatch[] = [];
  for (const { index, word } of VERB_MATCHER.matchAll(text)) {
    if (word === "告诉") {
      const tail = /^[^，。：；“”「」]{1,30}(?=[，：,:])/.exec(text.slice(index + 2, index + 34));
      if (tail) {
        verbs.push({ index, length: 2 + tail[0].length });
        continue;
      }
    }
    verbs.push({ index, length: word.length });
  }
  return verbs;
}

/** Words ending in a speech-verb character that are not speech by a person. */
const NOT_SPEECH_ENDINGS =
  /(?:来说|据说|听说|小说|传说|虽说|再说|就是说|也就是说|换句话说|比如说|譬如说|总的来说|一般来说|可以说|不用说|俗话说|简单地说|老实说|坦白说|说实话|所谓|简称|俗称|人称|自称|昵称|名称|号称|堪称|通称|统称|又称|或称|亦称|并称|合称|称为|称作|称之为|宣传称|报导称|报道称|消息称|报告称|文件称|公告称|通报称|声明称|媒体称|官媒称|数据显示|报告显示)$/;

/** Prefixes of a speaker clause that do not name anyone (但, 据, 对此, 随后). */
const LEADING_CONNECTIVES =
  /^(?:但是|但|而且|而|不过|然而|另外|此外|同时|随后|其中|对此|对于此|另据|据|因此|所以|因为|由于|如果|虽然|尽管|并且|并|至于|当时|事后|后来|接着|然后|最后|最终|此前|早前|另一方面|与此同时|值得一提的是|他指出|她指出|，|、|\s)+/;

/** Time words, adverbs and prepositional phrases between a speaker and the speech verb. */
const TRAILING_MODIFIERS = [
  /(?:就此|对此|为此|还是|还|也|又|则|更|再|就|便|都|亦|却|曾经|曾|已经|已|随后|随即|接着|进一步|同时|当时|当天|当日|今天|昨天|今日|昨日|日前|近日|早前|此前|稍早|稍后|最近|不久前|上周|本周|今年|去年|公开|直接|明确|坦率地|坦白地|郑重|亲自|私下|再次|多次|一再|反复|首次|立即|马上|甚至|同样|对此|笑着|无奈地|激动地|坦然|冷静地|不断|一直|则是|也曾|还曾|特别|尤其|坚决|坚定|强烈|严厉|公开地|再度|也再次|还特别|并)$/,
  // Adverbials in -地: `温柔地`, `消沉地`, `毫不客气地`.
  /[\u4e00-\u9fff]{1,5}地$/,
  /(?:周|星期|礼拜)[一二三四五六日天末](?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})(?:日|号)(?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9]{1,2}月)?[0-9]{1,2}日$/,
  /(?:(?:[0-9]{2,4}|去|今|前)年)?[0-9一二三四五六七八九十]{1,2}月份?(?:初|中|底|上旬|中旬|下旬|末)?$/,
  /(?:[0-9]{2,4}|去|今|前)年(?:初|中|底|末)?$/,
  // The last 在/于 phrase (`在香港长大的…莫炽韬（Max Mok）在递出T恤时` keeps the name).
  /(?:在|于)(?:接受)?[^，。；：在于]{1,30}$/,
  /(?:接受|受)[^，。；：]{0,24}(?:采访|访问|专访|访)时?$/,
  /受访时?$/,
  /(?:在|于|对|向|跟|给|同|从)$/,
  /(?:在)?(?:推特|脸书|微博|微信|网上|网络上|社交媒体|社群媒体|博客|节目|视频|直播|电视|电台|广播)(?:上|中|里)?$/,
  /(?:对|向|跟|给|同|通过|透过|借|藉由)[^，。；：对向跟给同]{1,24}$/,
  // `作出结论`, `热情赞扬那些…`: a verb phrase between the subject and the speech verb, tried last.
  /（[^）]*）$/,
  /\([^)]*\)$/,
  // A speech act before the verb: `也发推文讽刺说`, `在推特发文说`, `撰文指出`.
  new RegExp(
    `(?:发推文?|发推特|发文|撰文|发帖|贴文|发表声明|发表谈话|发表讲话|发表演讲|发声明|发声|写信|致信|致函|留言|表态|发言|演讲|讲话|致辞|受访|${SPEECH_VERBS.join("|")})$`,
  ),
];

type Gender = "f" | "m";

// ---------------------------------------------------------------------------------------------
// Small helpers

/** What ends a name part: spaces, punctuation, quotation marks, parentheses and the name dot. */
const NAME_BREAK = new Set(` \t\n${NAME_DOT}，,。：:；;、“”「」『』（）()《》！？!?…`);
const TITLE_AT_END = new RegExp(`(?:${TITLES.join("|")})$`);
const TITLE_AT_START = new RegExp(`^(?:${TITLES.join("|")})`);
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}.'’\- ]{1,40}[\p{Script=Latin}.]$/u;

function isTranslit(char: string | undefined): boolean {
  return char !== undefined && TRANSLIT.has(char);
}

function isHanChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

const OPENERS: Record<string, string> = { "“": "”", "「": "」", "『": "』" };
const CLAUSE_BREAK = new Set("，,。！？!?；;：:");
const SENTENCE_BREAK = new Set("。！？!?；;");

/** What may follow a name in a speaker clause (a verb, a preposition, a time word, punctuation). */
const AFTER_NAME = new RegExp(
  `^(?:$|[，,。：:；;、（(“「『！？…]|${SPEECH_VERBS.join("|")}|在|对|向|于|也|还|则|又|曾|已|就|并|都|却|今|昨|周|本周|上周|日前|近日|当天|接受|受访|通过|透过|等|和|与|及|跟|同|的|是|被|将|会|表|称|说|指|强|透|告|认|回|坦|警|呼|宣|问|解|补|写|直|感|笑|批|反|承|谈|提|重|引|援|发|早|近|先生|女士|小姐|夫人|太太|博士|教授|总统|主席|议员|医生|律师|老师|本人|夫妇|一家|[0-9])`,
);

function startsWithAfterName(rest: string): boolean {
  return AFTER_NAME.test(rest);
}

// ---------------------------------------------------------------------------------------------
// Quotation spans

interface Part {
  paragraph: number;
  /** Index of the first quoted character (after the opening mark). */
  start: number;
  /** Index of the closing mark, or the paragraph length when it closes later or never. */
  end: number;
}

interface Span {
  parts: Part[];
  /** Index of the opening mark in the first paragraph. */
  open: number;
  /** Index of the closing mark in the last paragraph, or -1 when it never closes. */
  close: number;
}

interface RawSpan {
  open: number;
  end: number;
  closed: boolean;
}

const FULL_WIDTH_PUNCTUATION: Record<string, string> = {
  ",": "，",
  ":": "：",
  ";": "；",
  "!": "！",
  "?": "？",
  "(": "（",
  ")": "）",
};

/**
 * foldText (simplified, lower case, one name dot, same length) with the sentence punctuation back
 * in its full-width form, so `，` `：` `（` written either way match the same rules.
 */
function foldForQuotes(text: string): string {
  return foldText(text).replace(/[,:;!?()]/g, (c) => FULL_WIDTH_PUNCTUATION[c] ?? c);
}

const OPEN_CODES = new Map<number, number>([
  [0x201c, 0x201d],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
]);

function scanParagraph(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const closer = code >= 0x201c && code <= 0x300e ? OPEN_CODES.get(code) : undefined;
    if (closer === undefined) {
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === code) depth++;
      else if (c === closer) {
        depth--;
        if (depth === 0) break;
      }
    }
    spans.push({ open: i, end: j, closed: j < length });
    i = j + 1;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// People of one article

interface Entity {
  canonical: string;
  key: string;
  forms: Set<string>;
  english: Set<string>;
  gender: Gender | undefined;
  /** True when the gender comes from a title (女士, 先生), not from a guess. */
  genderSure: boolean;
  quoted: boolean;
  /** Full forms (dotted names) by their folded key, to split namesakes. */
  fullForms: Set<string>;
}

interface Mention {
  paragraph: number;
  offset: number;
  entity: Entity;
}

type Slot =
  | { kind: "person"; entity: Entity }
  | { kind: "pronoun"; gender: Gender; offset: number }
  | { kind: "zero" }
  | { kind: "none" };

const FEMALE_NAME_CHARS = new Set(
  "娜莎娅妮丽琳茜薇黛露萝丝芭琪莲姬茱娃婷娟霞燕玲芳莉婉婧媛妍姗娥嫣菲蕾珊",
);

class ArticleReader {
  readonly original: string[];
  readonly folded: string[];
  /** Per paragraph: 1 where a character is inside a top-level quotation (marks included). */
  readonly masks: Uint8Array[];
  /** Speech verbs of each paragraph (inside quotations too; callers check). */
  readonly verbs: VerbMatch[][];
  readonly spans: Span[] = [];
  readonly entities = new Map<string, Entity>();
  private aliasIndex = new Map<string, Entity>();
  private aliasList: string[] = [];
  private mentions: Mention[] = [];
  private lastSpeaker:
    | { entity: Entity; paragraph: number; offset: number; reported: boolean }
    | undefined;
  /** Where the last name found by nameAtSlotEnd starts (paragraph offset), or -1. */
  private matchedStart = -1;

  constructor(paragraphs: string[]) {
    this.original = paragraphs;
    this.folded = paragraphs.map((p) => foldForQuotes(p));
    this.masks = this.folded.map((p) => new Uint8Array(p.length));
    this.verbs = this.folded.map((p) => findVerbs(p));
    this.findSpans();
  }

  // --- quotation spans -------------------------------------------------------------------------

  private findSpans(): void {
    const perParagraph = this.folded.map((text) => scanParagraph(text));
    let carry: Span | undefined;
    for (let p = 0; p < this.folded.length; p++) {
      const text = this.folded[p] as string;
      const raws = perParagraph[p] as RawSpan[];
      const mask = this.masks[p] as Uint8Array;
      let startIndex = 0;
      if (carry) {
        const first = raws[0];
        const lead = text.search(/\S/);
        if (first && first.open === lead && OPENERS[text[lead] as string]) {
          carry.parts.push({ paragraph: p, start: first.open + 1, end: first.end });
          mask.fill(1, first.open, Math.min(first.end + 1, text.length));
          startIndex = 1;
          if (first.closed) {
            carry.close = first.end;
            carry = undefined;
          }
        } else carry = undefined;
      }
      for (let k = startIndex; k < raws.length; k++) {
        const raw = raws[k] as RawSpan;
        const span: Span = {
          parts: [{ paragraph: p, start: raw.open + 1, end: raw.end }],
          open: raw.open,
          close: raw.closed ? raw.end : -1,
        };
        mask.fill(1, raw.open, Math.min(raw.end + 1, text.length));
        this.spans.push(span);
        carry = raw.closed ? undefined : span;
      }
    }
  }

  isQuoted(paragraph: number, offset: number): boolean {
    return (this.masks[paragraph] as Uint8Array)[offset] === 1;
  }

  /** Start of the clause holding `offset`: after a clause break, a quotation or the start. */
  clauseStart(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    let depth = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const c = text[i] as string;
      if (mask[i]) {
        // A short quoted term inside running text (`在政治局“民主生活会”上发出警告`) belongs to the
        // clause; a quotation that stands as an utterance ends it.
        let a = i;
        while (a > 0 && mask[a - 1]) a--;
        const run = text.slice(a, i + 1);
        const embedded =
          i + 1 < offset &&
          isHanChar(text[i + 1]) &&
          a > 0 &&
          isHanChar(text[a - 1]) &&
          run.length <= 14 &&
          !/[。！？!?，,]/.test(run);
        if (!embedded) return i + 1;
        i = a;
        continue;
      }
      if (c === "）" || c === ")") depth++;
      else if (c === "（" || c === "(") depth = Math.max(0, depth - 1);
      else if (depth === 0 && CLAUSE_BREAK.has(c)) return i + 1;
    }
    return 0;
  }

  sentenceStart(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    for (let i = offset - 1; i >= 0; i--) {
      if (!mask[i] && SENTENCE_BREAK.has(text[i] as string)) return i + 1;
    }
    return 0;
  }

  sentenceEnd(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    for (let i = offset; i < text.length; i++) {
      if (!mask[i] && SENTENCE_BREAK.has(text[i] as string)) return i;
    }
    return text.length;
  }

  // --- people ----------------------------------------------------------------------------------

  entityFor(name: string, original: string): Entity {
    const folded = foldText(name);
    const existing =
      this.aliasIndex.get(folded) ?? this.aliasIndex.get(folded.replaceAll(NAME_DOT, ""));
    if (existing) {
      if (original !== existing.canonical) existing.forms.add(original);
      return existing;
    }
    const canonical = toSimplified(name);
    const entity: Entity = {
      canonical,
      key: folded,
      forms: new Set(original === canonical ? [] : [original]),
      english: new Set(),
      gender: undefined,
      genderSure: false,
      quoted: false,
      fullForms: new Set(),
    };
    this.entities.set(folded, entity);
    this.addAlias(folded, entity);
    const lastChar = folded[folded.length - 1];
    if (lastChar && FEMALE_NAME_CHARS.has(lastChar)) entity.gender = "f";
    return entity;
  }

  addAlias(folded: string, entity: Entity): void {
    if (folded.length < 2 || NOT_PEOPLE.has(folded)) return;
    if (!this.aliasIndex.has(folded)) {
      this.aliasIndex.set(folded, entity);
      this.aliasList.push(folded);
    }
    const dotless = folded.replaceAll(NAME_DOT, "");
    if (dotless !== folded && !this.aliasIndex.has(dotless)) {
      this.aliasIndex.set(dotless, entity);
      this.aliasList.push(dotless);
    }
  }

  /** Registers a dotted or titled name found at [start, end) of a paragraph. */
  private registerName(paragraph: number, start: number, end: number): Entity | undefined {
    const folded = (this.folded[paragraph] as string).slice(start, end);
    const original = (this.original[paragraph] as string).slice(start, end);
    if (folded.length < 2 || NOT_PEOPLE.has(folded)) return undefined;
    const parts = folded.split(NAME_DOT);
    let entity: Entity;
    if (parts.length > 1) {
      const last = parts[parts.length - 1] as string;
      const lastOriginal = original.slice(original.length - last.length);
      if (last.length >= 2 && !NOT_PEOPLE.has(last)) {
        entity = this.entityFor(lastOriginal, lastOriginal);
        entity.forms.add(original);
        entity.fullForms.add(folded);
        this.addAlias(folded, entity);
        // Ordinary people are often called by their first name later (凯西‧霍利汉 → 凯西说).
        const first = parts[0] as string;
        if (parts.length === 2 && first.length >= 2 && !this.aliasIndex.has(first))
          this.addAlias(first, entity);
      } else {
        entity = this.entityFor(original, original);
      }
    } else {
      entity = this.entityFor(original, original);
    }
    this.noteGender(paragraph, start, end, entity);
    this.readParenthesis(paragraph, end, entity);
    return entity;
  }

  private noteGender(paragraph: number, start: number, end: number, entity: Entity): void {
    const text = this.folded[paragraph] as string;
    const after = text.slice(end, end + 4);
    const before = text.slice(Math.max(0, start - 5), start);
    if (FEMALE_TITLES.some((t) => after.startsWith(t) || before.endsWith(t))) {
      entity.gender = "f";
      entity.genderSure = true;
    } else if (MALE_TITLES.some((t) => after.startsWith(t) || before.endsWith(t))) {
      entity.gender = "m";
      entity.genderSure = true;
    }
  }

  /** `（Wendy Sherman，又译舍曼）` right after a name: English name and 又译 aliases. */
  private readParenthesis(paragraph: number, end: number, entity: Entity): void {
    const text = this.folded[paragraph] as string;
    if (text[end] !== "（" && text[end] !== "(") return;
    const close = text.slice(end + 1, end + 80).search(/[）)]/);
    if (close < 0) return;
    const inner = (this.original[paragraph] as string).slice(end + 1, end + 1 + close);
    for (const piece of inner.split(/[，,、;；]/)) {
      const trimmed = piece.trim();
      const alias =
        /^(?:又译|又译作|又译为|亦译|或译|也译|也译作|另译|又名|又称|也称|港译|台译|中文名)[：:]?\s*(.+)$/.exec(
          trimmed,
        );
      if (alias) {
        const name = (alias[1] as string).trim();
        if (name.length >= 2 && name.length <= 16) {
          entity.forms.add(name);
          this.addAlias(foldText(name), entity);
        }
      } else if (LATIN_NAME.test(trimmed) && /[A-Z]/.test(trimmed[0] as string)) {
        entity.english.add(trimmed);
      }
    }
  }

  /** Strong cues anywhere in the article: dotted names, titled names, names before (English). */
  prepass(): void {
    for (let p = 0; p < this.folded.length; p++) {
      const text = this.folded[p] as string;
      // The folded text writes every name dot as NAME_DOT: expand around each one.
      let at = text.indexOf(NAME_DOT);
      while (at >= 0) {
        let from = at;
        while (from > 0 && at - from < 7 && !NAME_BREAK.has(text[from - 1] as string)) from--;
        let to = at + 1;
        for (;;) {
          let k = to;
          while (k < text.length && k - to < 8 && !NAME_BREAK.has(text[k] as string)) k++;
          if (k === to) break;
          to = k;
          if (
            text[to] === NAME_DOT &&
            to + 1 < text.length &&
            !NAME_BREAK.has(text[to + 1] as string)
          )
            to++;
          else break;
        }
        if (from < at && to > at + 1) {
          const range = this.trimDottedName(text, from, to);
          if (range) this.registerName(p, range[0], range[1]);
        }
        at = text.indexOf(NAME_DOT, Math.max(to, at + 1));
      }
      this.findSurnameOnly(p);
      if (!text.includes("化名")) {
        this.findTitledNames(p);
        this.findParenthesisedNames(p);
        this.findNicknames(p);
        continue;
      }
      for (const match of text.matchAll(/([\u4e00-\u9fff]{2,12})[（(]化名[）)]/g)) {
        const run = match[1] as string;
        const title = /.*(?:人|者|员|民|友|生|工|师|家|长|主|的|、)/.exec(run.slice(0, -2));
        let start = title
          ? title[0].length
          : run.length - (run.length >= 3 && SURNAMES.has(run[run.length - 3] as string) ? 3 : 2);
        if (run.length - start > 3) start = run.length - 3;
        if (run.length - start >= 2)
          this.registerName(p, match.index + start, match.index + run.length);
      }
      this.findTitledNames(p);
      this.findParenthesisedNames(p);
      this.findNicknames(p);
    }
  }

  /** Narrows a dotted match to the name: transliteration characters, no title, no suffix. */
  private trimDottedName(text: string, from: number, to: number): [number, number] | undefined {
    const segment = text.slice(from, to);
    const parts = segment.split(NAME_DOT);
    // First part: the longest tail of transliteration characters (or Latin initials).
    const first = parts[0] as string;
    let s = first.length;
    while (s > 0 && (isTranslit(first[s - 1]) || /[A-Za-z]/.test(first[s - 1] as string))) s--;
    if (s === first.length) return undefined;
    // A title that ends inside the first part (总理杰辛达 where 理 is also a name character).
    for (let k = from + s; k < from + first.length; k++) {
      const upto = text.slice(Math.max(0, from + s - 6), k);
      if (TITLE_AT_END.test(upto) && k - (from + s) < first.length - s) s = k - from;
    }
    // Last part: the longest head of transliteration characters, then stop at a title or verb.
    const last = parts[parts.length - 1] as string;
    let e = 0;
    while (e < last.length) {
      if (isTranslit(last[e]) || /[A-Za-z]/.test(last[e] as string)) e++;
      // 萨瑟兰-王: a hyphen between two name characters.
      else if (e > 0 && /[-－‐]/.test(last[e] as string) && isHanChar(last[e + 1])) e += 2;
      else break;
    }
    if (e === 0) return undefined;
    const lastStart = to - last.length;
    for (let k = 1; k < e; k++) {
      const rest = text.slice(lastStart + k);
      if (
        TITLE_AT_START.test(rest) ||
        /^(?:说|表示|称|指出|强调|透露|博士|先生|女士|在|对|向)/.test(rest)
      ) {
        e = k;
        break;
      }
    }
    const end = lastStart + e;
    const after = text.slice(end, end + 4);
    if (
      /^(?:大学|学院|医院|研究所|中心|基金会|号|级|法案|法|奖|公司|集团|酒店|机场|港|街|路|大道|广场|大厦|纪念|体育场|中学|小学|县|州|市|镇|岛|河|湖|效应|主义|模式|计划|报告|协议|条约|医学院|投票权|家族|王朝|定律|公式|综合征)/.test(
        after,
      )
    )
      return undefined;
    // Middle parts must be name characters too.
    for (let k = 1; k < parts.length - 1; k++) {
      const mid = parts[k] as string;
      for (const c of mid) if (!isTranslit(c) && !/[A-Za-z]/.test(c)) return undefined;
    }
    return [from + s, end];
  }

  /**
   * People the article names by surname only: `姓陈的经理` → 陈经理, `戴姓所长` → 戴所长,
   * `一位姓王的女士` → 王女士.
   */
  private findSurnameOnly(paragraph: number): void {
    const text = this.folded[paragraph] as string;
    if (!text.includes("姓")) return;
    const forms =
      "女士|小姐|太太|先生|经理|老板|所长|老师|医生|律师|教授|主任|师傅|警官|村民|居民|市民|男子|女子";
    const pattern = new RegExp(
      `(?:姓([\u4e00-\u9fff])的?(${forms})|([\u4e00-\u9fff])姓(${forms}))`,
      "g",
    );
    for (const match of text.matchAll(pattern)) {
      const surname = (match[1] ?? match[3]) as string;
      let form = (match[2] ?? match[4]) as string;
      if (!SURNAMES.has(surname) || this.isQuoted(paragraph, match.index)) continue;
      if (/村民|居民|市民|男子/.test(form)) form = "先生";
      else if (form === "女子") form = "女士";
      const name = `${surname}${form}`;
      const entity = this.entityFor(name, name);
      if (/女士|小姐|太太/.test(form)) entity.gender = "f";
      else if (form === "先生") entity.gender = "m";
      // The whole phrase names the person, so a speaker slot ending in it finds them.
      this.addAlias(match[0], entity);
    }
  }

  /**
   * Another name the article gives a person: `赛吉（Segi Tekletion），常被人称呼为珍妮`,
   * `人称`, `昵称`, `绰号`, `小名`, `又名`. The name before it in the sentence gets the alias.
   */
  private findNicknames(paragraph: number): void {
    const text = this.folded[paragraph] as string;
    const pattern =
      /(?:常被人?称呼为|被人?称为|人称|昵称|绰号|小名|又名|外号)[“「]?([\u4e00-\u9fff]{2,4}?)(?=[”」，。、；（]|$)/g;
    for (const match of text.matchAll(pattern)) {
      if (this.isQuoted(paragraph, match.index)) continue;
      const nickname = match[1] as string;
      if (NOT_PEOPLE.has(nickname) || this.aliasIndex.has(nickname)) continue;
      const start = this.sentenceStart(paragraph, match.index);
      let owner: Entity | undefined;
      for (const alias of this.aliasList) {
        const at = text.lastIndexOf(alias, match.index);
        if (at >= start && (!owner || at > text.lastIndexOf(owner.key, match.index))) {
          owner = this.aliasIndex.get(alias);
        }
      }
      if (!owner) continue;
      const original = (this.original[paragraph] as string).slice(
        match.index + match[0].length - nickname.length,
        match.index + match[0].length,
      );
      owner.forms.add(original);
      this.addAlias(nickname, owner);
    }
  }

  /** `美国总统拜登`, `发言人赵立坚`, `教授张维迎`: a title followed by a name and a boundary. */
  private findTitledNames(paragraph: number): void {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    for (const { index, word } of TITLE_MATCHER.matchAll(text)) {
      if (mask[index]) continue;
      const from = index + word.length;
      const name = nameAt(text, from);
      if (name && !this.aliasIndex.has(text.slice(from, from + name))) {
        this.registerName(paragraph, from, from + name);
      }
    }
  }

  /** `谢尔曼（Wendy Sherman）`: the Han name right before an English name in parentheses. */
  private findParenthesisedNames(paragraph: number): void {
    const text = this.folded[paragraph] as string;
    const original = this.original[paragraph] as string;
    for (const match of text.matchAll(
      /[（(]\s*(\p{Ll}[\p{Script=Latin}.'’\- ]{2,40})\s*[，,）)]/gu,
    )) {
      const at = match.index;
      const english = original.slice(at + 1, at + 1 + match[0].length - 2).trim();
      if (!/^[A-Z]/.test(english) || !/ /.test(english)) continue;
      const before = text.slice(Math.max(0, at - 12), at);
      const known = this.aliasAtEnd(before);
      if (known) {
        known.entity.english.add(english);
        this.readParenthesis(paragraph, at, known.entity);
        continue;
      }
      // Places have English names too (科珀斯克里斯蒂（Corpus Christi）): only a name after a title
      // or 的, or one that goes on to speak, is a person.
      const closeAt = text.indexOf(text[at] === "(" ? ")" : "）", at);
      const speaksNext = closeAt > 0 && VERB_AT_START.test(text.slice(closeAt + 1, closeAt + 12));
      const length = nameAtEnd(before, speaksNext);
      if (length) this.registerName(paragraph, at - length, at);
    }
  }

  /** Whether a known name starts at `from`. */
  aliasAtStart(text: string, from: number): boolean {
    for (const alias of this.aliasList) if (text.startsWith(alias, from)) return true;
    return false;
  }

  aliasAtEnd(text: string): { entity: Entity; length: number } | undefined {
    let best: { entity: Entity; length: number } | undefined;
    for (const alias of this.aliasList) {
      if (alias.length > (best?.length ?? 0) && text.endsWith(alias)) {
        best = { entity: this.aliasIndex.get(alias) as Entity, length: alias.length };
      }
    }
    return best;
  }

  /**
   * Registers the names standing in speaker slots (before a speech verb, after a closing mark)
   * before attribution starts, so a pronoun can point back at a person first named without a
   * title (`杨茂平用多种方式写信求救，她说`).
   */
  discoverSpeakers(): void {
    for (let p = 0; p < this.folded.length; p++) {
      const text = this.folded[p] as string;
      // A name the dictionary knows as a person opening a sentence (`习近平在…发言`), so that a
      // later 他/她 can point back at them.
      for (let i = 0; i < text.length; i++) {
        if (i > 0 && !(CLAUSE_BREAK.has(text[i - 1] as string) && !this.isQuoted(p, i - 1)))
          continue;
        if (this.isQuoted(p, i)) continue;
        const lead = LEADING_CONNECTIVES.exec(text.slice(i, i + 8))?.[0].length ?? 0;
        const from = i + lead;
        const firstChar = text[from] as string;
        // Only where a name can start: a surname or a transliteration character.
        if (!SURNAMES.has(firstChar) && !TRANSLIT.has(firstChar)) continue;
        if (this.aliasAtStart(text, from)) continue;
        const head = firstDictionaryName(text.slice(from, from + 8));
        if (!head || this.aliasIndex.has(head) || NOT_PEOPLE.has(head)) continue;
        // `布里斯班活动家德鲁·帕夫罗`, `阿拉斯加航空公司`, `新罕布夏州`, `红旗8:00`: a place or a
        // name of a thing, not a person (the dictionary tags some of those as names).
        const next = text.slice(from + head.length);
        if (TITLE_AT_START.test(next) || PLACE_OR_ORG_CONTINUATION.test(next)) continue;
        if (ORG_SUFFIX.has(head[head.length - 1] as string)) continue;
        this.registerName(p, from, from + head.length);
      }
      for (const { index, length } of this.verbs[p] as VerbMatch[]) {
        if (this.isQuoted(p, index)) continue;
        const next = text[index + length];
        if (
          next !== "，" &&
          next !== "," &&
          next !== "：" &&
          next !== ":" &&
          !OPENERS[next as string]
        )
          continue;
        this.resolveSlot(p, this.clauseStart(p, index), index);
      }
    }
    for (const span of this.spans) {
      if (span.close < 0) continue;
      const last = span.parts[span.parts.length - 1] as Part;
      afterAttribution(this, last.paragraph, span.close);
    }
  }

  /** Occurrences of every known name outside quotations, in text order, for pronoun resolution. */
  indexMentions(): void {
    if (this.aliasList.length === 0) return;
    const sorted = [...this.aliasList].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
    for (let p = 0; p < this.folded.length; p++) {
      const text = this.folded[p] as string;
      for (const match of text.matchAll(pattern)) {
        if (this.isQuoted(p, match.index)) continue;
        const entity = this.aliasIndex.get(match[0]);
        if (entity) this.mentions.push({ paragraph: p, offset: match.index, entity });
      }
    }
  }

  private addMention(paragraph: number, offset: number, entity: Entity): void {
    let i = this.mentions.length;
    while (i > 0) {
      const m = this.mentions[i - 1] as Mention;
      if (m.paragraph < paragraph || (m.paragraph === paragraph && m.offset <= offset)) break;
      i--;
    }
    this.mentions.splice(i, 0, { paragraph, offset, entity });
  }

  // --- speaker slots ---------------------------------------------------------------------------

  /**
   * The speaker named by a clause that ends right before a speech verb (or after a closing mark):
   * a known name, a new titled or bare name, a pronoun, nothing (zero subject) or something that
   * is not a person (an organisation, 报告, 网友).
   */
  resolveSlot(paragraph: number, slotStart: number, slotEnd: number): Slot {
    const text = this.folded[paragraph] as string;
    let s = text.slice(slotStart, slotEnd);
    let offset = slotStart;
    const lead = LEADING_CONNECTIVES.exec(s);
    if (lead) {
      s = s.slice(lead[0].length);
      offset += lead[0].length;
    }
    const whole = s;
    // `高盛分析师们`, `他们`: several people speaking are no one person.
    if (/们$/.test(s)) return { kind: "none" };
    for (let step = 0; step < 8; step++) {
      if (s.length === 0) return { kind: "zero" };
      if (s === "他" || s === "她")
        return { kind: "pronoun", gender: s === "她" ? "f" : "m", offset };
      this.matchedStart = -1;
      const found = this.nameAtSlotEnd(paragraph, offset, s);
      // `对布林肯`, `发电报给魏德迈将军`: a name after a preposition is the one spoken to.
      const before = this.matchedStart >= offset ? s.slice(0, this.matchedStart - offset) : "";
      if (found && !/(?:对|向|给|跟|同|告诉|会见|致电|致信|问)$/.test(before))
        return { kind: "person", entity: found };
      // Strip the shortest modifier at the end (so `刘云（化名）` loses the parenthesis, not a
      // `在…` phrase that swallows the name).
      let stripped = s;
      for (const modifier of TRAILING_MODIFIERS) {
        const m = modifier.exec(s);
        if (!m || m[0].length === 0) continue;
        if (stripped === s || m.index > stripped.length) stripped = s.slice(0, m.index);
      }
      if (stripped === s) break;
      s = stripped;
    }
    return this.subjectAtStart(offset, whole);
  }

  /**
   * The subject at the start of a speaker clause when the end did not name anyone: a pronoun or a
   * known name followed by whatever (`他作出结论说`, `麦克阿瑟也对蒋报以赞颂和保证`), or a bare
   * surname standing for the one person of that surname in the article (`莫说`).
   */
  subjectAtStart(offset: number, s: string): Slot {
    const pronoun = /^(他|她)(?!们|人)/.exec(s);
    if (pronoun) return { kind: "pronoun", gender: pronoun[1] === "她" ? "f" : "m", offset };
    // `71岁的麦克阿瑟说了…`: a short modifier in 的 may come first.
    const modifier = /^[^，。的]{1,8}的/.exec(s)?.[0].length ?? 0;
    for (const skip of modifier > 0 ? [0, modifier] : [0]) {
      let best: { entity: Entity; length: number } | undefined;
      for (const alias of this.aliasList) {
        if (alias.length > (best?.length ?? 0) && s.startsWith(alias, skip)) {
          best = { entity: this.aliasIndex.get(alias) as Entity, length: alias.length };
        }
      }
      const rest = best ? s.slice(skip + best.length) : "";
      if (
        best &&
        (startsWithAfterName(rest) ||
          TITLE_AT_START.test(rest) ||
          firstWord(s.slice(skip, skip + best.length + 4)) === s.slice(skip, skip + best.length))
      )
        return { kind: "person", entity: best.entity };
    }
    const surname = s[0] as string;
    if (SURNAMES.has(surname) && (s.length === 1 || startsWithAfterName(s.slice(1)))) {
      const bearers = new Set<Entity>();
      for (const entity of this.entities.values()) {
        if (entity.key.startsWith(surname) && entity.key.length <= 4 && isHanChar(entity.key[1]))
          bearers.add(entity);
      }
      if (bearers.size === 1) return { kind: "person", entity: [...bearers][0] as Entity };
    }
    return { kind: "none" };
  }

  private nameAtSlotEnd(paragraph: number, offset: number, s: string): Entity | undefined {
    this.matchedStart = -1;
    const known = this.aliasAtEnd(s);
    if (known) {
      const rest = s.slice(0, s.length - known.length);
      const alias = s.slice(rest.length);
      if (
        rest === "" ||
        !isTranslit(rest[rest.length - 1]) ||
        !isTranslit(alias[0]) ||
        TITLE_AT_END.test(rest) ||
        rest.endsWith(NAME_DOT)
      ) {
        this.matchedStart = offset + rest.length;
        return known.entity;
      }
    }
    // 刘女士, 王先生: people the article names only by surname and form of address.
    const addressed =
      /([\u4e00-\u9fff])(女士|小姐|太太|先生|老先生|老太太|阿姨|大爷|大妈|老师|医生|律师|教授|博士|主任|院长|校长|部长|局长|书记|经理|老板)$/.exec(
        s,
      );
    if (
      addressed &&
      SURNAMES.has(addressed[1] as string) &&
      !isTranslit(s[addressed.index - 1]) &&
      !this.aliasAtEnd(s.slice(0, addressed.index))
    ) {
      const start = offset + addressed.index;
      const entity = this.registerName(paragraph, start, start + addressed[0].length);
      this.matchedStart = start;
      const form = addressed[2] as string;
      const gender: Gender | undefined = /女士|小姐|太太|老太太|阿姨|大妈/.test(form)
        ? "f"
        : /先生|大爷/.test(form)
          ? "m"
          : undefined;
      if (entity && gender) {
        entity.gender = gender;
        entity.genderSure = true;
      }
      if (entity) return entity;
    }
    // 小张, 老王: a surname with 小/老 in front.
    const familiar = /(?:^|[^\u4e00-\u9fff]|[的人员工])((?:小|老)([\u4e00-\u9fff]))$/.exec(s);
    if (familiar && SURNAMES.has(familiar[2] as string)) {
      const name = familiar[1] as string;
      const start = offset + s.length - name.length;
      this.matchedStart = start;
      return this.registerName(paragraph, start, start + name.length);
    }
    // Latin names: 创始人Mark DiMassimo说.
    const originalSlot = (this.original[paragraph] as string).slice(offset, offset + s.length);
    // Words in proper case (`Mark DiMassimo`, not `LINE Bank` or `Amber KC`).
    const latin =
      /(?:^|[^\p{Script=Latin}])(\p{Lu}\p{Ll}[\p{Script=Latin}'’.-]*(?: \p{Lu}\p{Ll}[\p{Script=Latin}'’.-]*){1,3})$/u.exec(
        originalSlot,
      );
    const latinRest = latin ? s.slice(0, s.length - (latin[1] as string).length) : "";
    if (
      latin &&
      (latinRest === "" ||
        TITLE_AT_END.test(latinRest) ||
        /[的、和与及人者员民友生工师家长官兵手]$/.test(latinRest))
    ) {
      const name = latin[1] as string;
      const start = offset + s.length - name.length;
      this.matchedStart = start;
      return this.registerName(paragraph, start, start + name.length);
    }
    // A name followed by a title: 拜登总统, 谢尔曼女士, 惠特尼少将.
    const titles: [string, Gender | undefined][] = [...POST_TITLES];
    const trailingTitle = TITLE_AT_END.exec(s)?.[0];
    if (trailingTitle && trailingTitle.length >= 2) titles.push([trailingTitle, undefined]);
    for (const [title, gender] of titles) {
      if (s.length > title.length + 1 && s.endsWith(title)) {
        // `惠特尼（Courtney Whitney）少将`: the name's parenthesis sits before the title.
        const inner = s.slice(0, s.length - title.length).replace(/[（(][^（()）]*[）)]$/, "");
        const entity = this.nameAtSlotEnd(paragraph, offset, inner);
        if (entity && gender && !entity.genderSure) {
          entity.gender = gender;
          entity.genderSure = true;
        }
        if (entity) return entity;
      }
    }
    const dotted = new RegExp(`[^${NAME_DOT}]+(?:${NAME_DOT}[^${NAME_DOT}]+)+$`).exec(s);
    if (dotted) {
      const from = offset + dotted.index;
      const range = this.trimDottedName(this.folded[paragraph] as string, from, offset + s.length);
      if (range && range[1] === offset + s.length) {
        this.matchedStart = range[0];
        return this.registerName(paragraph, range[0], range[1]);
      }
    }
    const length = nameAtEnd(s, false);
    if (length) {
      const start = offset + s.length - length;
      this.matchedStart = start;
      return this.registerName(paragraph, start, start + length);
    }
    return undefined;
  }

  /** The most recent compatible person before (paragraph, offset). */
  resolvePronoun(paragraph: number, offset: number, gender: Gender): Entity | undefined {
    // Candidates sentence by sentence, most recent sentence first; within a sentence the subject
    // (the first name) before the others (`麦克阿瑟…对总统艾森豪提出…。他说` → 麦克阿瑟).
    const sentences: { key: string; mentions: Mention[] }[] = [];
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.offset >= offset)) continue;
      if (m.paragraph < paragraph - 4) break;
      const key = `${m.paragraph}:${this.sentenceStart(m.paragraph, m.offset)}`;
      const current = sentences[sentences.length - 1];
      if (current && current.key === key) current.mentions.unshift(m);
      else sentences.push({ key, mentions: [m] });
    }
    const window: Entity[] = [];
    for (const sentence of sentences) {
      for (const m of sentence.mentions) if (!window.includes(m.entity)) window.push(m.entity);
    }
    const compatible = window.filter((e) => e.gender === undefined || e.gender === gender);
    let chosen: Entity | undefined;
    if (gender === "f") chosen = compatible.find((e) => e.gender === "f") ?? compatible[0];
    else chosen = compatible[0];
    if (chosen && compatible.length === 1 && !chosen.gender) chosen.gender = gender;
    return chosen;
  }

  speakerOf(paragraph: number, slot: Slot, verbAt: number, depth = 0): Entity | undefined {
    switch (slot.kind) {
      case "person":
        return slot.entity;
      case "pronoun":
        return this.resolvePronoun(paragraph, slot.offset, slot.gender);
      case "none":
        return undefined;
      case "zero": {
        // The subject of an earlier speech verb in the same sentence (`X表示，…，并称“…”`).
        if (depth === 0) {
          const start = this.sentenceStart(paragraph, verbAt);
          let last: VerbMatch | undefined;
          for (const verb of this.verbs[paragraph] as VerbMatch[]) {
            if (verb.index < start || verb.index >= verbAt) continue;
            if (this.isQuoted(paragraph, verb.index)) continue;
            if (this.clauseStart(paragraph, verb.index) === verbAt) continue;
            last = verb;
          }
          if (last) {
            const clauseStart = this.clauseStart(paragraph, last.index);
            const earlier = this.resolveSlot(paragraph, clauseStart, last.index);
            if (earlier.kind !== "zero") return this.speakerOf(paragraph, earlier, last.index, 1);
          }
        }
        // The subject of the sentence (`赖清德在推特上发布了…照片，并用英文写道：`).
        const subject = this.sentenceSubject(paragraph, verbAt);
        if (subject) return subject;
        // `还说：“…”` opening a sentence: the speaker goes on. After other material (`北京疾控中心
        // 发布通告，要求“…”`) the subject is someone or something unnamed.
        const sentenceStart = this.sentenceStart(paragraph, verbAt);
        if (this.clauseStart(paragraph, verbAt) !== sentenceStart) return undefined;
        if (this.lastSpeaker && this.lastSpeaker.paragraph >= paragraph - 2)
          return this.lastSpeaker.entity;
        return undefined;
      }
    }
  }

  /**
   * The subject of the clauses before `offset` in its sentence, nearest clause first: a pronoun or
   * a known name opening a clause (`麦克阿瑟极为震惊，消沉地宣布“…”`, `他沉默了片刻，然后…温柔地说`).
   */
  sentenceSubject(paragraph: number, offset: number): Entity | undefined {
    const sentenceStart = this.sentenceStart(paragraph, offset);
    const text = this.folded[paragraph] as string;
    let clauseEnd = this.clauseStart(paragraph, offset) - 1;
    while (clauseEnd > sentenceStart) {
      const start = this.clauseStart(paragraph, clauseEnd);
      if (this.isQuoted(paragraph, start)) {
        clauseEnd = start - 1;
        continue;
      }
      const clause = text.slice(start, clauseEnd);
      const lead = LEADING_CONNECTIVES.exec(clause)?.[0].length ?? 0;
      const opening = clause.slice(lead);
      if (
        (opening[0] === "他" || opening[0] === "她") &&
        opening[1] !== "们" &&
        opening[1] !== "人"
      ) {
        return this.resolvePronoun(paragraph, start + lead, opening[0] === "她" ? "f" : "m");
      }
      for (const m of this.mentions) {
        if (m.paragraph !== paragraph || m.offset < start || m.offset >= clauseEnd) continue;
        const before = text.slice(start + lead, m.offset);
        if (before.length <= 8 && !/[在对向给跟同和与]/.test(before)) return m.entity;
        break;
      }
      clauseEnd = start - 1;
    }
    return undefined;
  }

  noteSpeaker(paragraph: number, offset: number, entity: Entity, reported = false): void {
    this.lastSpeaker = { entity, paragraph, offset, reported };
    this.addMention(paragraph, offset, entity);
  }

  currentSpeaker():
    | { entity: Entity; paragraph: number; offset: number; reported: boolean }
    | undefined {
    return this.lastSpeaker;
  }

  /** Whether someone other than `entity` is named between two offsets of a paragraph. */
  otherMentionBetween(paragraph: number, from: number, to: number, entity: Entity): boolean {
    // Someone else opening a sentence in between takes over; names inside the reported words do not.
    const text = this.folded[paragraph] as string;
    for (const m of this.mentions) {
      if (m.paragraph !== paragraph || m.offset <= from || m.offset >= to || m.entity === entity)
        continue;
      const start = this.sentenceStart(paragraph, m.offset);
      const before = text.slice(start, m.offset);
      if (start > from && before.length <= 8 && !/[，,：:]/.test(before)) return true;
    }
    for (let i = from + 1; i < to; i++) {
      if (
        (text[i] === "他" || text[i] === "她") &&
        !this.isQuoted(paragraph, i) &&
        text[i + 1] !== "们"
      ) {
        // A pronoun of the other gender points at someone else.
        const g: Gender = text[i] === "她" ? "f" : "m";
        if (entity.gender && entity.gender !== g) return true;
      }
    }
    return false;
  }
}

/** Titles, plus the words that introduce a name (名叫董志民, 一位叫张三的). */
const TITLE_MATCHER = new LiteralMatcher([
  ...TITLES.filter((t) => t.length >= 2),
  "名叫",
  "叫做",
  "名为",
]);

const wordCheckCache = new Map<string, boolean>();

/**
 * True when the dictionary knows the candidate as an ordinary word (曾经/d, 文中/s, 解释/v, 周一/t)
 * rather than as a name (习近平/nr, 约翰/nrt) or not at all. Memoised: the same few candidates recur.
 */
function isOrdinaryWord(candidate: string, nounsMayBeNames = false): boolean {
  if (nounsMayBeNames) {
    const tagged = segmenter().tag(candidate, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    if (only?.word === candidate && only.tag === "n") return false;
  }
  let known = wordCheckCache.get(candidate);
  if (known === undefined) {
    const tagged = segmenter().tag(candidate, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    const first = tagged[0];
    known =
      (only !== undefined && only.word === candidate && !/^(?:nr|ns|nz|x|j)/.test(only.tag)) ||
      // `许多人` = 许多 + 人: a longer ordinary word at the start is no surname.
      (tagged.length > 1 &&
        first !== undefined &&
        first.word.length >= 2 &&
        !COMPOUND_SURNAMES.includes(first.word) &&
        !/^(?:nr|ns|nz|x|j)/.test(first.tag));
    if (wordCheckCache.size > 50_000) wordCheckCache.clear();
    wordCheckCache.set(candidate, known);
  }
  return known;
}

/** The first word jieba cuts from a short text (`麦克阿瑟热情` → 麦克阿瑟, `王毅然` → 王). */
function firstWord(text: string): string | undefined {
  return segmenter().cut(text, true)[0];
}

const headNameCache = new Map<string, string | null>();

/** The first word of a clause when the dictionary tags it as a person's name (麦克阿瑟热情赞扬…). */
function firstDictionaryName(head: string): string | undefined {
  let found = headNameCache.get(head);
  if (found === undefined) {
    const first = segmenter().tag(head, true)[0];
    found = first && first.word.length >= 2 && first.tag.startsWith("nr") ? first.word : null;
    if (headNameCache.size > 50_000) headNameCache.clear();
    headNameCache.set(head, found);
  }
  return found ?? undefined;
}

/** A given name that is really an adverb or a function word: 习特别强调, 王曾经说. */
function isFunctionWord(word: string): boolean {
  if (word.length < 2) return false;
  const tagged = segmenter().tag(word, false);
  const only = tagged.length === 1 ? tagged[0] : undefined;
  return only !== undefined && only.word === word && /^(?:d|p|c|t|r|u|f|m|q|y|e|o)$/.test(only.tag);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Length of a name starting at `from` (after a title): a transliteration run or a Chinese name,
 * followed by something that may follow a name. 0 when there is none.
 */
function nameAt(text: string, from: number): number {
  // Transliteration: longest run first, then shorter, followed by a boundary.
  let run = 0;
  while (run < 8 && isTranslit(text[from + run])) run++;
  for (let n = run; n >= 2; n--) {
    const candidate = text.slice(from, from + n);
    if (NOT_PEOPLE.has(candidate) || isOrdinaryWord(candidate)) continue;
    if (startsWithAfterName(text.slice(from + n))) return n;
  }
  // A name the article marks with a form of address right after it (评论员寒山碧先生), even
  // with a surname outside the common list.
  const addressed = /^([\u4e00-\u9fff]{2,3})(?:先生|女士|小姐|博士|教授)/.exec(
    text.slice(from, from + 6),
  );
  if (addressed) {
    const candidate = addressed[1] as string;
    let ok = !NOT_PEOPLE.has(candidate) && !isOrdinaryWord(candidate);
    for (const c of candidate.slice(1)) if (NOT_IN_GIVEN_NAME.has(c)) ok = false;
    if (ok) return candidate.length;
  }
  // Chinese name: surname (single or compound) + one or two characters; 林郑月娥 (two surnames).
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s, from));
  const surnameLength = compound ? 2 : SURNAMES.has(text[from] as string) ? 1 : 0;
  if (!surnameLength) return 0;
  if (!compound && SURNAMES.has(text[from + 1] as string)) {
    const candidate = text.slice(from, from + 4);
    let ok = candidate.length === 4;
    for (const c of candidate.slice(2)) if (!isHanChar(c) || NOT_IN_GIVEN_NAME.has(c)) ok = false;
    if (ok && !isOrdinaryWord(candidate) && startsWithAfterName(text.slice(from + 4))) {
      // Only when the three-character reading does not also end at a boundary.
      if (!startsWithAfterName(text.slice(from + 3))) return 4;
    }
  }
  for (const given of [2, 1]) {
    const n = surnameLength + given;
    const candidate = text.slice(from, from + n);
    if (candidate.length < n) continue;
    let ok = true;
    for (let k = surnameLength; k < n; k++) {
      const c = candidate[k];
      if (!isHanChar(c) || NOT_IN_GIVEN_NAME.has(c as string)) ok = false;
    }
    if (!ok || NOT_PEOPLE.has(candidate) || ORG_SUFFIX.has(candidate[n - 1] as string)) continue;
    if (isOrdinaryWord(candidate) || isFunctionWord(candidate.slice(surnameLength))) continue;
    if (startsWithAfterName(text.slice(from + n))) return n;
  }
  return 0;
}

/**
 * Length of a name at the very end of a speaker slot: the whole slot is a name, or a name after a
 * title (or after 的). `loose` also accepts a transliteration run after any non-name character
 * (used before an English name in parentheses).
 */
function nameAtEnd(slot: string, loose: boolean): number {
  const okBefore = (rest: string): boolean =>
    rest === "" ||
    TITLE_AT_END.test(rest) ||
    /[的、和与及人者员民友生工师家长官兵手]$/.test(rest) ||
    (loose && !isTranslit(rest[rest.length - 1]));
  let run = 0;
  while (run < Math.min(8, slot.length) && isTranslit(slot[slot.length - 1 - run])) run++;
  // A title that ends inside the run wins (总经理凯里: 理 is also a transliteration character).
  for (let n = run - 1; n >= 2; n--) {
    const candidate = slot.slice(slot.length - n);
    const rest = slot.slice(0, slot.length - n);
    if (TITLE_AT_END.test(rest) && !NOT_PEOPLE.has(candidate) && !isOrdinaryWord(candidate))
      return n;
  }
  if (run >= 2) {
    const candidate = slot.slice(slot.length - run);
    const rest = slot.slice(0, slot.length - run);
    // The dictionary files many transliterated names as nouns (基思/n): after 的 or a title a
    // transliteration run is taken unless the dictionary knows it as something else than a noun.
    if (!NOT_PEOPLE.has(candidate) && okBefore(rest) && !isOrdinaryWord(candidate, rest !== ""))
      return run;
  }
  for (const n of [3, 2, 4]) {
    if (slot.length < n) continue;
    const candidate = slot.slice(slot.length - n);
    const rest = slot.slice(0, slot.length - n);
    const compound = COMPOUND_SURNAMES.some((s) => candidate.startsWith(s));
    const surnameLength = compound ? 2 : SURNAMES.has(candidate[0] as string) ? 1 : 0;
    if (!surnameLength || n - surnameLength < 1 || n - surnameLength > 2) {
      // 林郑月娥: two surnames and a two-character given name.
      const doubleSurname =
        n === 4 && SURNAMES.has(candidate[0] as string) && SURNAMES.has(candidate[1] as string);
      if (!doubleSurname || !TITLE_AT_END.test(rest)) continue;
    }
    let ok = true;
    for (let k = 1; k < n; k++) {
      const c = candidate[k];
      if (!isHanChar(c) || NOT_IN_GIVEN_NAME.has(c as string)) ok = false;
    }
    if (!ok || NOT_PEOPLE.has(candidate) || ORG_SUFFIX.has(candidate[n - 1] as string)) continue;
    if (isOrdinaryWord(candidate) || isFunctionWord(candidate.slice(surnameLength || 1))) continue;
    // 工程师 is a title, not 程师.
    const title = TITLE_AT_END.exec(slot)?.[0];
    if (title && title.length >= 2) continue;
    if (okBefore(rest)) return n;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Classification helpers

/** Quoted terms rather than words someone said: 所谓的“清零”政策, “一带一路”倡议, “A”、“B”. */
function looksLikeTerm(text: string, open: number, close: number, inner: string): boolean {
  const before = text.slice(Math.max(0, open - 6), open);
  const after = close >= 0 ? text.slice(close + 1, close + 6) : "";
  if (
    /(?:所谓的?|名为|叫做|叫作|称为|称作|称之为|称其为|被称为|被称作|被誉为|誉为|号称|题为|冠以|打上|贴上|自称|简称|俗称|昵称|代号|口号|标语|字样|一词|之称|成为|列为|定性为|视为|以)$/.test(
      before,
    )
  )
    return true;
  const short = inner.replace(/[^\u4e00-\u9fff]/g, "").length <= 8;
  if (
    short &&
    /^(?:[、等]|一词|一语|这个词|这一词|二字|两字|三字|四字|字样|口号|标语|政策|计划|倡议|运动|行动|工程|法案|条例|协议|项目|模式|战略|理论|思想|体系|机制|标签|称号|之称|节目|专栏|栏目|系列|号|活动|事件|平台|组织|联盟|小组|会议|论坛|报告|群|账号|网站|公司|集团|风波|概念|说法|论|主义|精神|原则|理念|目标|措施|制度|文化|现象|时代|方针|路线|要求|承诺|问题|案|罪|奖|杯|团|队|版|书|文|剧|片|歌|曲|舰|号)/.test(
      after,
    )
  )
    return true;
  const han = inner.replace(/[^\u4e00-\u9fff]/g, "").length;
  if (han <= 2) return true;
  if (han <= 6 && after.startsWith("的")) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Interview transcripts

const ROLE_LABELS =
  /^(?:主持人|记者|问|答|编者|旁白|嘉宾|观众|网友|字幕|画外音|解说|原标题|标题|图|注|来源|编者按|按|附|相关|延伸阅读|责任编辑|编辑)$/;

// ---------------------------------------------------------------------------------------------
// Extraction

export function extractQuotes(article: Article, options: ExtractOptions = {}): ArticleQuotes {
  const reader = new ArticleReader(article.paragraphs);
  reader.prepass();
  const labels = findLabels(reader);
  reader.discoverSpeakers();
  reader.indexMentions();
  const quotes: (Quote & { order: number })[] = [];
  const speakers = new Set<Entity>();
  const base = { articleId: article.id, url: article.url };
  const emit = (
    entity: Entity,
    text: string,
    kind: QuoteKind,
    paragraph: number,
    offset: number,
  ): void => {
    const trimmed = text.trim();
    if (!trimmed) return;
    entity.quoted = true;
    speakers.add(entity);
    quotes.push({
      speaker: entity.canonical,
      text: trimmed,
      kind,
      paragraph: paragraph + 1,
      ...base,
      order: paragraph * 1e6 + offset,
    });
  };

  // Events in text order: quotations and speech verbs followed by reported speech.
  const spansByParagraph = new Map<number, Span[]>();
  for (const span of reader.spans) {
    const p = (span.parts[0] as Part).paragraph;
    const list = spansByParagraph.get(p) ?? [];
    list.push(span);
    spansByParagraph.set(p, list);
  }
  const continued = new Set<number>();
  for (const span of reader.spans)
    for (const part of span.parts.slice(1)) continued.add(part.paragraph);

  let transcriptSpeaker: Entity | undefined;
  let lastDirect: LastDirect | undefined;
  for (let p = 0; p < reader.folded.length; p++) {
    const text = reader.folded[p] as string;
    const label = labels.get(p);
    if (label !== undefined) {
      transcriptSpeaker = label.entity;
      if (label.entity) {
        emit(label.entity, (reader.original[p] as string).slice(label.textStart), "direct", p, 0);
        reader.noteSpeaker(p, 0, label.entity);
      }
      continue;
    }
    if (
      transcriptSpeaker &&
      labels.size >= 2 &&
      !continued.has(p) &&
      isTranscriptContinuation(text)
    ) {
      // A subheading between turns (`出身贫困 母亲要我从阅读开始`) is nobody's words.
      if ((!/[。！？!?…”」』]/.test(text) || !/[，。]/.test(text)) && text.length <= 40) continue;
      emit(transcriptSpeaker, reader.original[p] as string, "direct", p, 0);
      continue;
    }
    if (labels.size >= 2 && !isTranscriptContinuation(text)) transcriptSpeaker = undefined;

    const spans = spansByParagraph.get(p) ?? [];
    const events: { offset: number; span?: Span; verb?: { index: number; length: number } }[] =
      spans.map((span) => ({ offset: span.open, span }));
    for (const { index, length } of reader.verbs[p] as VerbMatch[]) {
      if (reader.isQuoted(p, index)) continue;
      const next = text[index + length];
      if (next !== "，" && next !== "," && next !== "：" && next !== ":") continue;
      events.push({ offset: index, verb: { index, length } });
    }
    events.sort((a, b) => a.offset - b.offset);
    let previous: { span: Span; entity: Entity; attributionEnd: number } | undefined;
    for (const event of events) {
      if (event.verb) {
        const { index, length } = event.verb;
        const clauseStart = reader.clauseStart(p, index);
        const head = text.slice(clauseStart, index + length);
        if (NOT_SPEECH_ENDINGS.test(head)) continue;
        const slot = reader.resolveSlot(p, clauseStart, index);
        if (slot.kind === "none") continue;
        const entity = reader.speakerOf(p, slot, index);
        if (!entity) continue;
        reader.noteSpeaker(p, slot.kind === "pronoun" ? slot.offset : clauseStart, entity, true);
        if (options.reported) {
          const from = index + length + 1;
          const end = reader.sentenceEnd(p, from);
          let hasQuote = false;
          for (let i = from; i < end; i++) if (reader.isQuoted(p, i)) hasQuote = true;
          if (!hasQuote && end - from >= 4)
            emit(entity, (reader.original[p] as string).slice(from, end), "reported", p, from);
        }
        continue;
      }
      const span = event.span as Span;
      const result = classify(reader, span, previous, lastDirect);
      if (!result) continue;
      const quoted = span.parts
        .map((part) => (reader.original[part.paragraph] as string).slice(part.start, part.end))
        .join("\n");
      emit(result.entity, quoted, result.kind, p, span.open);
      reader.noteSpeaker(p, span.open, result.entity);
      if (result.kind === "direct") {
        previous = { span, entity: result.entity, attributionEnd: result.attributionEnd };
        const last = span.parts[span.parts.length - 1] as Part;
        const lastText = reader.folded[last.paragraph] as string;
        const tailFrom = result.attributionEnd >= 0 ? result.attributionEnd : span.close + 1;
        lastDirect = {
          entity: result.entity,
          paragraph: last.paragraph,
          endsParagraph: span.close < 0 || /^[。！？!?…，,]?\s*$/.test(lastText.slice(tailFrom)),
        };
      }
    }
  }

  quotes.sort((a, b) => a.order - b.order);
  const people: ArticlePerson[] = [...speakers].map((entity) => ({
    name: entity.canonical,
    aliases: aliasesOf(entity),
  }));
  return {
    articleId: article.id,
    date: article.date,
    people,
    quotes: quotes.map(({ order: _order, ...quote }) => quote),
  };
}

/** Full names first, then English names, then other forms (又译 aliases, other scripts). */
function aliasesOf(entity: Entity): string[] {
  const out: string[] = [];
  const seen = new Set<string>([entity.canonical]);
  const forms = [...entity.forms];
  const full = forms.filter((form) => new RegExp(`[${NAME_DOTS}]`).test(form));
  const rest = forms.filter((form) => !full.includes(form));
  for (const form of [...full, ...entity.english, ...rest]) {
    if (seen.has(form)) continue;
    seen.add(form);
    out.push(form);
  }
  return out;
}

function isTranscriptContinuation(text: string): boolean {
  return (
    !/^(?:[【（(〔［[]|观看|本文|订阅|责任编辑|来源|点阅|相关|延伸阅读|（完）|完$|https?:)/.test(
      text,
    ) && !/https?:\/\//.test(text)
  );
}

interface Label {
  entity: Entity | undefined;
  textStart: number;
}

/** Paragraphs that start with a speaker label (`杨杰凯：…`, `主持人：…`). */
function findLabels(reader: ArticleReader): Map<number, Label> {
  const labels = new Map<number, Label>();
  for (let p = 0; p < reader.folded.length; p++) {
    const text = reader.folded[p] as string;
    const match =
      /^\s*([^：:，,。“”「」《》（）()\s]{1,12}|[A-Za-z][A-Za-z.' ]{1,30})\s*[：:]\s*/.exec(text);
    if (!match) continue;
    const label = match[1] as string;
    const rest = text.slice(match[0].length);
    if (!rest || /^https?/.test(rest)) continue;
    if (ROLE_LABELS.test(label)) {
      labels.set(p, { entity: undefined, textStart: match[0].length });
      continue;
    }
    const known = reader.aliasAtEnd(label);
    let entity: Entity | undefined;
    if (known && known.length === label.length) entity = known.entity;
    else {
      const slot = reader.resolveSlot(
        p,
        match.index + match[0].indexOf(label),
        match.index + match[0].indexOf(label) + label.length,
      );
      if (slot.kind === "person") {
        const full = foldText(slot.entity.canonical);
        if (label.endsWith(full) || [...slot.entity.forms].some((f) => foldText(f) === label))
          entity = slot.entity;
      }
    }
    if (entity) labels.set(p, { entity, textStart: match[0].length });
  }
  // A single label in a news article is more often a heading than an interview.
  let named = 0;
  for (const label of labels.values()) if (label.entity) named++;
  if (named < 2) return new Map();
  return labels;
}

interface LastDirect {
  entity: Entity;
  /** Paragraph where the quotation ends. */
  paragraph: number;
  /** Nothing but its attribution follows it in that paragraph. */
  endsParagraph: boolean;
}

function countHanChars(text: string): number {
  let n = 0;
  for (const c of text) if (isHanChar(c)) n++;
  return n;
}

interface Classified {
  entity: Entity;
  kind: QuoteKind;
  attributionEnd: number;
}

/** Decides whether a quotation is a person's direct or partial quote, and whose. */
function classify(
  reader: ArticleReader,
  span: Span,
  previous: { span: Span; entity: Entity; attributionEnd: number } | undefined,
  lastDirect: LastDirect | undefined,
): Classified | undefined {
  const first = span.parts[0] as Part;
  const p = first.paragraph;
  const text = reader.folded[p] as string;
  const inner = span.parts
    .map((part) => (reader.folded[part.paragraph] as string).slice(part.start, part.end))
    .join("");
  const last = span.parts[span.parts.length - 1] as Part;
  const lastText = reader.folded[last.paragraph] as string;
  const closeAt = span.close;

  // 1. Introduced before: `X说：“`, `X表示，“`, `X：“`.
  let k = span.open - 1;
  while (k >= 0 && /\s/.test(text[k] as string)) k--;
  const punct = text[k];
  const hasPunct = punct === "：" || punct === ":" || punct === "，" || punct === ",";
  const verbEnd = hasPunct ? k : k + 1;
  const sentenceStart = reader.sentenceStart(p, span.open);
  const clauseStart = reader.clauseStart(p, verbEnd);
  const clause = text.slice(clauseStart, verbEnd);
  const afterClose = closeAt >= 0 ? lastText.slice(closeAt + 1) : "";
  const endsClause =
    closeAt < 0 ||
    /[。！？!?…]$/.test(inner) ||
    /^(?:\s*$|[。，,！？!?；;：:…、）)]|[”」』“「『])/.test(afterClose) ||
    afterAttribution(reader, last.paragraph, closeAt) !== undefined;
  const previousChar = k >= 0 ? text[k] : undefined;
  const wholeSentence =
    text.slice(sentenceStart, span.open).trim() === "" ||
    previousChar === "”" ||
    previousChar === "」" ||
    previousChar === "』";

  if (clause && verbEnd > sentenceStart && !reader.isQuoted(p, Math.max(0, verbEnd - 1))) {
    const verb = VERB_AT_END.exec(clause);
    if (verb && !NOT_SPEECH_ENDINGS.test(clause) && (hasPunct || /[说道称]$/.test(clause))) {
      const slot = reader.resolveSlot(p, clauseStart, clauseStart + verb.index);
      if (slot.kind !== "none" && endsClause && !looksLikeTitle(inner)) {
        const entity = reader.speakerOf(p, slot, clauseStart + verb.index);
        if (entity) return { entity, kind: "direct", attributionEnd: -1 };
        return undefined;
      }
      if (slot.kind === "none") return undefined;
    } else if (hasPunct && (punct === "：" || punct === ":")) {
      const slot = reader.resolveSlot(p, clauseStart, verbEnd);
      // `X：“…”` with nothing but the name before the colon (a label, not `…赞扬那些韩国人：`).
      if (slot.kind === "person" && endsClause && verbEnd - clauseStart <= 12)
        return { entity: slot.entity, kind: "direct", attributionEnd: -1 };
      // `麦克阿瑟热情赞扬那些勇敢作战的韩国人：“…”`: a speech verb inside, the subject in front.
      if (endsClause && VERB_MATCHER.matchAll(clause).next().done === false) {
        const subject = reader.subjectAtStart(clauseStart, clause.replace(LEADING_CONNECTIVES, ""));
        const entity = subject.kind === "none" ? undefined : reader.speakerOf(p, subject, verbEnd);
        if (entity) return { entity, kind: "direct", attributionEnd: -1 };
      }
    }
  }

  // 2. Attributed after: `“…”X说。`, `“…”，她补充说。`
  const opensClause = wholeSentence || /[，,：:]\s*$/.test(text.slice(sentenceStart, span.open));
  if (closeAt >= 0 && opensClause) {
    const after = afterAttribution(
      reader,
      last.paragraph,
      closeAt,
      hasPunct && (punct === "：" || punct === ":"),
    );
    if (after) {
      if (after.slot.kind === "none") return undefined;
      const entity = reader.speakerOf(last.paragraph, after.slot, after.verbAt);
      if (entity) return { entity, kind: "direct", attributionEnd: after.end };
      return undefined;
    }
  }

  // 3. A quotation that is a sentence of its own continues the current speaker: a split quote
  // (`“…”，她说。“…”`, `X说：“…”“…”`), reported speech going on in quotes (`X告诉记者，…。“…”`),
  // or a paragraph that is only a quotation after a paragraph ending in X's quotation.
  const afterOk = closeAt < 0 || /^(?:\s*$|[。，,！？!?；;…“「『])/.test(afterClose);
  if (wholeSentence && afterOk && !looksLikeTitle(inner) && countHanChars(inner) >= 4) {
    if (previous && (previous.span.parts[0] as Part).paragraph === p && previous.span.close >= 0) {
      const gapStart =
        previous.attributionEnd >= 0 ? previous.attributionEnd : previous.span.close + 1;
      const gap = text.slice(gapStart, span.open).trim();
      if (/^[。，,！？!?；;…]*$/.test(gap))
        return { entity: previous.entity, kind: "direct", attributionEnd: -1 };
    }
    const current = reader.currentSpeaker();
    if (current && current.paragraph === p && current.offset < span.open) {
      if (!reader.otherMentionBetween(p, current.offset, span.open, current.entity))
        return { entity: current.entity, kind: "direct", attributionEnd: -1 };
    }
    // Nothing but quotations (and punctuation) in the paragraph.
    let wholeParagraph: boolean = text.trim().length > 0;
    for (let i = 0; i < text.length && wholeParagraph; i++) {
      if (!reader.isQuoted(p, i) && !/[\s。，,！？!?…；;、]/.test(text[i] as string))
        wholeParagraph = false;
    }
    if (
      wholeParagraph &&
      lastDirect &&
      lastDirect.paragraph === p - 1 &&
      lastDirect.endsParagraph
    ) {
      return { entity: lastDirect.entity, kind: "direct", attributionEnd: -1 };
    }
    // `X说，…。` then a paragraph that is only a quotation: X goes on speaking.
    if (wholeParagraph && current && current.paragraph === p - 1 && current.reported) {
      return { entity: current.entity, kind: "direct", attributionEnd: -1 };
    }
  }

  // 4. Partial quote inside reported speech: `X表示，…“没有进展”，并称俄罗斯“无意入侵乌克兰”`.
  if (span.parts.length > 1) return undefined;
  if (looksLikeTerm(text, span.open, closeAt, inner) || looksLikeTitle(inner)) return undefined;
  let verb: VerbMatch | undefined;
  for (const candidate of reader.verbs[p] as VerbMatch[]) {
    const { index, length } = candidate;
    if (index < sentenceStart || index + length > span.open) continue;
    if (reader.isQuoted(p, index)) continue;
    const head = text.slice(reader.clauseStart(p, index), index + length);
    if (NOT_SPEECH_ENDINGS.test(head)) continue;
    // `称为`, `说明书`: the verb must end a word, not start a longer one.
    const next = text.slice(index + length, index + length + 2);
    if (/^(?:为|作|之为|其为|法|明书|服|赞|号|呼)/.test(next) && length === 1) continue;
    // `他高喊的口号是`: a verb that modifies a noun is no speech act.
    if (next.startsWith("的")) continue;
    // `被嘲讽为“…”`: the subject is spoken about, not speaking.
    if (/被[^，。]{0,4}$/.test(text.slice(Math.max(0, index - 5), index))) continue;
    verb = candidate;
  }
  if (!verb) return undefined;
  // A short quotation inside a clause (`台湾制造的“人字拖”冲过终点`) is a term, not someone's words.
  if (
    countHanChars(inner) <= 6 &&
    closeAt >= 0 &&
    !/^(?:\s*$|[，,。；;！!？?：:…）)”」』])/.test(afterClose)
  )
    return undefined;
  if (
    /(?:叫|作)$/.test(text.slice(Math.max(0, span.open - 1), span.open)) &&
    countHanChars(inner) <= 8
  )
    return undefined;
  const verbClause = reader.clauseStart(p, verb.index);
  const slot = reader.resolveSlot(p, verbClause, verb.index);
  if (slot.kind === "none") return undefined;
  const entity = reader.speakerOf(p, slot, verb.index);
  if (!entity) return undefined;
  return { entity, kind: "partial", attributionEnd: -1 };
}

/** `《…》` titles and bare names are never quotes. */
function looksLikeTitle(inner: string): boolean {
  return /^《[^》]*》$/.test(inner.trim());
}

/** `”，她补充说。` after a closing mark: the speaker slot and where the attribution ends. */
function afterAttribution(
  reader: ArticleReader,
  paragraph: number,
  closeAt: number,
  introduced = false,
): { slot: Slot; verbAt: number; end: number } | undefined {
  const text = reader.folded[paragraph] as string;
  let i = closeAt + 1;
  while (i < text.length && /[\s，,]/.test(text[i] as string)) i++;
  const start = i;
  let depth = 0;
  let j = start;
  for (; j < text.length && j - start <= 80; j++) {
    const c = text[j] as string;
    if (reader.isQuoted(paragraph, j)) break;
    if (c === "（" || c === "(") depth++;
    else if (c === "）" || c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_BREAK.has(c)) break;
  }
  if (j - start > 80 || j === start) return undefined;
  // `秘电：“…”麦克阿瑟则回复道：“…”`: after a quotation that had its own introduction, a clause
  // ending in a colon introduces the next quotation (`“…”布德罗说：“…”` speaks for both).
  if (introduced && (text[j] === "：" || text[j] === ":") && /^\s*[“「『]/.test(text.slice(j + 1)))
    return undefined;
  const clause = text.slice(start, j);
  const verb = VERB_AT_END.exec(clause);
  if (verb && !NOT_SPEECH_ENDINGS.test(clause)) {
    const slot = reader.resolveSlot(paragraph, start, start + verb.index);
    return { slot, verbAt: start + verb.index, end: j + 1 };
  }
  // `”寒山碧表示对洪为民的背景也感到很奇怪。`: a person and a speech verb opening the clause.
  const first = VERB_MATCHER.matchAll(clause).next();
  if (first.done || first.value.index === 0 || first.value.index > 15) return undefined;
  const slot = reader.resolveSlot(paragraph, start, start + first.value.index);
  if (slot.kind !== "person" && slot.kind !== "pronoun") return undefined;
  return { slot, verbAt: start + first.value.index, end: j + 1 };
}
