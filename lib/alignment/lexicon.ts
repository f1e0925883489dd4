// A small bilingual lexicon of names that survive translation: countries, places, people,
// organisations and news outlets that recur in the archive's English and Chinese briefings.
// Each entry is one concept; a text "mentions" it when any of its surface forms occurs.
// English forms match whole words, case-insensitively; Chinese forms match as substrings, so
// they are written long enough not to fire inside unrelated words (美国, not 美).
// Entries were collected by reading the MFA pages in both languages; add to it freely: a form
// that is too loose only lowers the weight of this one signal, the DP still needs the others.

type Entry = readonly [concept: string, en: readonly string[], zh: readonly string[]];

const ENTRIES: readonly Entry[] = [
  // Countries and regions
  ["us", ["us", "u.s.", "united states", "american", "washington"], ["美国", "美方", "中美", "美军", "美日", "美韩", "美欧", "美俄", "美朝"]],
  ["canada", ["canada", "canadian", "canadians", "trudeau", "freeland"], ["加拿大", "加方", "特鲁多", "弗里兰", "中加"]],
  ["japan", ["japan", "japanese", "abe", "tokyo"], ["日本", "日方", "中日", "安倍", "东京"]],
  ["korea-rok", ["rok", "south korea", "seoul", "moon jae-in"], ["韩国", "韩方", "中韩", "文在寅", "首尔", "韩日"]],
  ["dprk", ["dprk", "north korea", "pyongyang", "kim jong un", "chairman kim"], ["朝鲜", "朝方", "中朝", "金正恩", "平壤", "半岛"]],
  ["russia", ["russia", "russian", "moscow", "putin", "kremlin"], ["俄罗斯", "俄方", "中俄", "普京", "莫斯科", "克里姆林"]],
  ["india", ["india", "indian", "modi", "new delhi"], ["印度", "印方", "中印", "莫迪", "新德里"]],
  ["pakistan", ["pakistan", "pakistani", "islamabad"], ["巴基斯坦", "巴方", "中巴经济走廊", "伊斯兰堡"]],
  ["uk", ["uk", "britain", "british", "united kingdom", "london"], ["英国", "英方", "中英", "伦敦"]],
  ["france", ["france", "french", "paris", "macron"], ["法国", "法方", "中法", "巴黎", "马克龙"]],
  ["germany", ["germany", "german", "berlin", "merkel"], ["德国", "德方", "中德", "柏林", "默克尔"]],
  ["italy", ["italy", "italian", "rome"], ["意大利", "意方", "罗马"]],
  ["eu", ["eu", "european union", "europe", "european"], ["欧盟", "欧洲", "中欧"]],
  ["australia", ["australia", "australian", "canberra", "morrison"], ["澳大利亚", "澳方", "中澳", "堪培拉", "莫里森"]],
  ["iran", ["iran", "iranian", "tehran", "jcpoa", "zarif"], ["伊朗", "伊核", "德黑兰", "扎里夫"]],
  ["iraq", ["iraq", "iraqi", "baghdad"], ["伊拉克", "巴格达"]],
  ["syria", ["syria", "syrian", "damascus"], ["叙利亚", "大马士革"]],
  ["israel", ["israel", "israeli", "golan"], ["以色列", "戈兰"]],
  ["palestine", ["palestine", "palestinian", "gaza"], ["巴勒斯坦", "加沙"]],
  ["saudi", ["saudi", "riyadh"], ["沙特", "利雅得"]],
  ["turkey", ["turkey", "turkish", "ankara"], ["土耳其", "安卡拉"]],
  ["egypt", ["egypt", "egyptian", "cairo"], ["埃及", "开罗"]],
  ["afghanistan", ["afghanistan", "afghan", "taliban", "kabul"], ["阿富汗", "塔利班", "喀布尔"]],
  ["venezuela", ["venezuela", "venezuelan", "maduro", "guaido"], ["委内瑞拉", "马杜罗", "瓜伊多"]],
  ["brazil", ["brazil", "brazilian", "bolsonaro"], ["巴西", "博索纳罗"]],
  ["cuba", ["cuba", "cuban", "havana"], ["古巴", "哈瓦那"]],
  ["mexico", ["mexico", "mexican"], ["墨西哥"]],
  ["philippines", ["philippines", "philippine", "duterte", "manila"], ["菲律宾", "菲方", "杜特尔特", "马尼拉"]],
  ["vietnam", ["vietnam", "vietnamese", "hanoi"], ["越南", "越方", "河内"]],
  ["malaysia", ["malaysia", "malaysian", "mahathir"], ["马来西亚", "马哈蒂尔"]],
  ["indonesia", ["indonesia", "indonesian", "jakarta"], ["印度尼西亚", "印尼", "雅加达"]],
  ["singapore", ["singapore", "singaporean"], ["新加坡"]],
  ["thailand", ["thailand", "thai", "bangkok"], ["泰国", "曼谷"]],
  ["myanmar", ["myanmar", "rakhine"], ["缅甸", "若开"]],
  ["cambodia", ["cambodia", "cambodian", "hun sen"], ["柬埔寨", "洪森"]],
  ["laos", ["laos", "lao"], ["老挝"]],
  ["mongolia", ["mongolia", "mongolian"], ["蒙古"]],
  ["nepal", ["nepal", "nepalese"], ["尼泊尔"]],
  ["sri-lanka", ["sri lanka", "sri lankan"], ["斯里兰卡"]],
  ["bangladesh", ["bangladesh"], ["孟加拉"]],
  ["kazakhstan", ["kazakhstan", "astana", "nur-sultan"], ["哈萨克斯坦", "阿斯塔纳", "努尔苏丹"]],
  ["ukraine", ["ukraine", "ukrainian", "kiev", "kyiv"], ["乌克兰", "基辅"]],
  ["poland", ["poland", "polish", "warsaw"], ["波兰", "华沙"]],
  ["sweden", ["sweden", "swedish", "stockholm"], ["瑞典", "斯德哥尔摩"]],
  ["norway", ["norway", "norwegian", "oslo"], ["挪威", "奥斯陆"]],
  ["netherlands", ["netherlands", "dutch", "hague"], ["荷兰", "海牙"]],
  ["spain", ["spain", "spanish", "madrid"], ["西班牙", "马德里"]],
  ["greece", ["greece", "greek", "athens"], ["希腊", "雅典"]],
  ["serbia", ["serbia", "serbian", "belgrade"], ["塞尔维亚", "贝尔格莱德"]],
  ["new-zealand", ["new zealand", "wellington"], ["新西兰", "惠灵顿"]],
  ["africa", ["africa", "african", "africans", "focac", "african union"], ["非洲", "非盟", "中非"]],
  ["nigeria", ["nigeria", "nigerian"], ["尼日利亚"]],
  ["ethiopia", ["ethiopia", "ethiopian", "addis ababa"], ["埃塞俄比亚", "亚的斯亚贝巴"]],
  ["kenya", ["kenya", "kenyan", "nairobi"], ["肯尼亚", "内罗毕"]],
  ["south-africa", ["south africa", "south african"], ["南非"]],
  ["sudan", ["sudan", "sudanese", "khartoum"], ["苏丹", "喀土穆"]],
  ["zimbabwe", ["zimbabwe", "mnangagwa", "harare"], ["津巴布韦", "姆南加古瓦", "哈拉雷"]],
  ["latin-america", ["latin america", "latin american", "caribbean"], ["拉美", "拉丁美洲", "加勒比"]],
  [
    "pacific-islands",
    ["solomon islands", "kiribati", "samoa", "tonga", "vanuatu", "fiji", "micronesia", "papua new guinea"],
    ["所罗门群岛", "基里巴斯", "萨摩亚", "汤加", "瓦努阿图", "斐济", "密克罗尼西亚", "巴布亚新几内亚"],
  ],
  ["panama", ["panama", "panamanian"], ["巴拿马"]],
  ["el-salvador", ["el salvador", "salvadoran"], ["萨尔瓦多"]],
  ["dominican", ["dominican"], ["多米尼加"]],
  ["burkina-faso", ["burkina faso"], ["布基纳法索"]],
  ["haiti", ["haiti", "haitian"], ["海地"]],
  ["peru", ["peru", "peruvian"], ["秘鲁"]],
  ["chile", ["chile", "chilean"], ["智利"]],
  ["argentina", ["argentina", "argentine"], ["阿根廷"]],
  ["bolivia", ["bolivia", "bolivian"], ["玻利维亚"]],
  ["qatar", ["qatar", "qatari", "doha"], ["卡塔尔", "多哈"]],
  ["uae", ["uae", "united arab emirates", "abu dhabi", "dubai"], ["阿联酋", "阿布扎比", "迪拜"]],
  ["yemen", ["yemen", "yemeni", "houthi"], ["也门", "胡塞"]],
  ["libya", ["libya", "libyan"], ["利比亚"]],
  ["lebanon", ["lebanon", "lebanese", "beirut"], ["黎巴嫩", "贝鲁特"]],
  ["kashmir", ["kashmir", "ladakh"], ["克什米尔", "拉达克"]],
  // Places and regions inside China
  ["taiwan", ["taiwan", "tsai ing-wen", "dpp", "taipei", "kaohsiung"], ["台湾", "台独", "蔡英文", "民进党", "台北", "高雄", "涉台", "售台", "对台", "两岸"]],
  ["hong-kong", ["hong kong", "hksar", "carrie lam"], ["香港", "港澳", "涉港", "林郑月娥", "特区政府"]],
  ["macao", ["macao", "macau"], ["澳门"]],
  ["xinjiang", ["xinjiang", "uyghur", "uygur", "uighur", "urumqi"], ["新疆", "涉疆", "维吾尔", "乌鲁木齐"]],
  ["tibet", ["tibet", "tibetan", "dalai lama", "lhasa"], ["西藏", "涉藏", "达赖", "拉萨"]],
  ["wuhan", ["wuhan", "hubei"], ["武汉", "湖北"]],
  ["south-china-sea", ["south china sea", "nansha", "xisha", "spratly", "paracel", "scarborough", "huangyan"], ["南海", "南沙", "西沙", "黄岩岛"]],
  ["diaoyu", ["diaoyu", "senkaku"], ["钓鱼岛", "尖阁"]],
  ["mekong", ["mekong", "lancang"], ["湄公河", "澜沧江", "澜湄"]],
  // People. Spokespersons come first: conference titles name them (conferences.ts).
  ["spokesperson:geng-shuang", ["geng shuang"], ["耿爽"]],
  ["spokesperson:hua-chunying", ["hua chunying"], ["华春莹"]],
  ["spokesperson:lu-kang", ["lu kang"], ["陆慷"]],
  ["spokesperson:zhao-lijian", ["zhao lijian"], ["赵立坚"]],
  ["spokesperson:wang-wenbin", ["wang wenbin"], ["汪文斌"]],
  ["xi-jinping", ["xi jinping", "president xi"], ["习近平", "习主席"]],
  ["li-keqiang", ["li keqiang", "premier li"], ["李克强"]],
  ["wang-yi", ["wang yi"], ["王毅"]],
  ["wang-qishan", ["wang qishan"], ["王岐山"]],
  ["yang-jiechi", ["yang jiechi"], ["杨洁篪"]],
  ["liu-he", ["liu he"], ["刘鹤"]],
  ["trump", ["trump"], ["特朗普"]],
  ["pompeo", ["pompeo"], ["蓬佩奥"]],
  ["pence", ["pence"], ["彭斯"]],
  ["bolton", ["bolton"], ["博尔顿"]],
  ["biegun", ["biegun"], ["比根"]],
  ["lighthizer", ["lighthizer", "ustr"], ["莱特希泽", "美国贸易代表"]],
  ["mnuchin", ["mnuchin"], ["努姆钦", "姆努钦"]],
  ["pelosi", ["pelosi"], ["佩洛西"]],
  ["tedros", ["tedros"], ["谭德塞"]],
  ["guterres", ["guterres"], ["古特雷斯"]],
  ["meng-wanzhou", ["meng wanzhou", "ms. meng"], ["孟晚舟"]],
  ["kovrig-spavor", ["kovrig", "spavor"], ["康明凯", "斯帕弗"]],
  ["schellenberg", ["schellenberg"], ["谢伦伯格"]],
  // Organisations, agreements, topics
  ["huawei", ["huawei"], ["华为"]],
  ["zte", ["zte"], ["中兴"]],
  ["tiktok", ["tiktok", "bytedance"], ["抖音", "字节跳动"]],
  ["un", ["un", "united nations", "unga", "security council", "secretary-general"], ["联合国", "安理会", "联大", "秘书长"]],
  ["who", ["who", "world health organization", "world health assembly", "wha"], ["世卫", "世界卫生组织", "世卫大会"]],
  ["wto", ["wto", "world trade organization"], ["世贸组织", "世界贸易组织"]],
  ["imf-worldbank", ["imf", "world bank", "international monetary fund"], ["国际货币基金组织", "世界银行", "世行"]],
  ["nato", ["nato"], ["北约"]],
  ["asean", ["asean"], ["东盟"]],
  ["sco", ["sco", "shanghai cooperation organization"], ["上合", "上海合作组织"]],
  ["brics", ["brics"], ["金砖"]],
  ["g20", ["g20"], ["二十国集团", "G20"]],
  ["g7", ["g7", "group of seven"], ["七国集团", "G7"]],
  ["apec", ["apec"], ["亚太经合组织", "APEC"]],
  ["belt-and-road", ["belt and road", "bri"], ["一带一路"]],
  ["nuclear", ["nuclear", "denuclearization", "npt", "nsg", "inf treaty", "new start"], ["核武", "核问题", "核协议", "无核化", "中导条约", "核供应国集团", "核不扩散"]],
  ["covid", ["covid-19", "coronavirus", "novel coronavirus", "epidemic", "pandemic", "virus"], ["新冠", "疫情", "冠状病毒", "病毒"]],
  ["trade", ["trade", "tariff", "tariffs", "trade war", "phase one"], ["经贸", "贸易", "关税", "第一阶段"]],
  ["5g", ["5g"], ["5G"]],
  ["terrorism", ["terrorism", "terrorist", "terrorists", "counter-terrorism"], ["恐怖", "反恐"]],
  ["human-rights", ["human rights"], ["人权"]],
  ["confucius-institute", ["confucius institute", "confucius institutes"], ["孔子学院"]],
  ["olympics", ["olympic", "olympics", "winter olympics"], ["奥运", "冬奥"]],
  // News outlets (the questioner label in the MFA pages from 2020 on)
  ["reuters", ["reuters"], ["路透社"]],
  ["afp", ["afp", "agence france-presse"], ["法新社"]],
  ["ap", ["associated press", "ap"], ["美联社"]],
  ["bloomberg", ["bloomberg"], ["彭博社"]],
  ["bbc", ["bbc"], ["英国广播公司", "BBC"]],
  ["cnn", ["cnn"], ["CNN", "美国有线电视新闻网"]],
  ["nhk", ["nhk"], ["NHK", "日本广播协会"]],
  ["kyodo", ["kyodo"], ["共同社"]],
  ["asahi", ["asahi"], ["朝日"]],
  ["tass", ["tass"], ["塔斯社"]],
  ["ria", ["ria novosti", "rt", "russia today"], ["今日俄罗斯"]],
  ["sputnik", ["sputnik"], ["卫星通讯社"]],
  ["dpa", ["dpa"], ["德新社"]],
  ["efe", ["efe"], ["埃菲社"]],
  ["prensa-latina", ["prensa latina"], ["拉通社"]],
  ["pti", ["pti", "press trust of india"], ["印度报业托拉斯"]],
  ["yonhap", ["yonhap"], ["韩联社"]],
  ["wsj", ["wall street journal"], ["华尔街日报"]],
  ["nyt", ["new york times"], ["纽约时报"]],
  ["washington-post", ["washington post"], ["华盛顿邮报"]],
  ["the-australian", ["the australian", "abc"], ["澳大利亚人报", "澳大利亚广播公司"]],
  ["sky-news", ["sky news"], ["天空新闻"]],
  ["cctv", ["cctv", "cgtn", "china media group"], ["央视", "中央电视台", "中央广播电视总台", "CGTN"]],
  ["xinhua", ["xinhua"], ["新华社"]],
  ["china-daily", ["china daily"], ["中国日报"]],
  ["global-times", ["global times"], ["环球时报"]],
  ["china-news-service", ["china news service"], ["中国新闻社", "中新社"]],
  ["phoenix", ["phoenix tv", "phoenix"], ["凤凰卫视"]],
  ["the-paper", ["the paper"], ["澎湃新闻"]],
  ["beijing-youth-daily", ["beijing youth daily"], ["北京青年报"]],
  ["beijing-daily", ["beijing daily"], ["北京日报"]],
  ["shenzhen-tv", ["shenzhen tv"], ["深圳卫视"]],
  ["china-review-news", ["china review news", "hong kong review news"], ["中评社"]],
  ["cnr", ["china national radio", "cri", "china radio international"], ["国广", "中央人民广播电台"]],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const conceptOf = { en: new Map<string, string>(), zh: new Map<string, string>() };
for (const [concept, en, zh] of ENTRIES) {
  for (const form of en) conceptOf.en.set(form.toLowerCase(), concept);
  for (const form of zh) conceptOf.zh.set(form.toLowerCase(), concept);
}
// Acronyms that are also everyday words ("us", "who") count only when written in capitals.
const CAPITALS_ONLY = new Set(["us", "who", "ap", "rt", "abc", "un", "eu", "bri", "wha", "dpp", "cri", "efe", "dpa", "pti", "sco", "rok", "imf", "uae"]);
// One alternation per language, longest forms first, so a text is scanned once.
const alternation = (forms: Iterable<string>) =>
  [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
const EN_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(conceptOf.en.keys())})(?![\\p{L}\\p{N}])`, "gu");
const ZH_PATTERN = new RegExp(`(${alternation(conceptOf.zh.keys())})`, "gi");

/** Concept ids a text mentions; languages other than English and Chinese have none yet. */
export function conceptsOf(text: string, language: string): Set<string> {
  const found = new Set<string>();
  const lang = language.toLowerCase();
  if (lang.startsWith("en")) {
    const lower = text.toLowerCase();
    // Lowercasing keeps positions for the texts we meet, so capitals are checked in place.
    const sameLength = lower.length === text.length;
    for (const match of lower.matchAll(EN_PATTERN)) {
      const form = match[1];
      if (CAPITALS_ONLY.has(form) && (!sameLength || text.slice(match.index, match.index + form.length) !== form.toUpperCase())) continue;
      found.add(conceptOf.en.get(form)!);
    }
  } else if (lang.startsWith("zh")) {
    for (const match of text.matchAll(ZH_PATTERN)) found.add(conceptOf.zh.get(match[1].toLowerCase())!);
  }
  return found;
}
