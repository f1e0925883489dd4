// The invented organizers, spokespeople, reporters and outlets of a synthetic archive. Names
// are built from short word lists so that a million pairs can name thousands of distinct
// people and outlets, as a national archive does; which name is used is drawn with a
// long-tailed (Zipf) weight by the synthesizer.

const EN_MINISTRIES = [
  "Ministry of Foreign Affairs",
  "Ministry of Defence",
  "Ministry of Health",
  "Ministry of Finance",
  "Ministry of Trade",
  "Ministry of the Interior",
  "Ministry of Education",
  "Ministry of Agriculture",
  "Ministry of Energy",
  "Ministry of Transport",
  "Ministry of Justice",
  "Ministry of Labour",
  "Ministry of Environment",
  "Ministry of Culture",
  "Central Bank",
  "Office of the Prime Minister",
  "Office of the President",
  "Statistics Office",
  "National Security Council",
  "Department of State",
];

const COUNTRIES = [
  "Aurelia",
  "Borovia",
  "Caldera",
  "Dunmore",
  "Estland",
  "Farrow",
  "Galloway",
  "Halvard",
  "Istria",
  "Jorvik",
  "Kestrel",
  "Lorraine",
  "Marwick",
  "Norland",
  "Ostrava",
  "Pellinor",
  "Quarry",
  "Rosmer",
  "Sundal",
  "Tarrant",
  "Ulvik",
  "Varna",
  "Westmark",
  "Yarrow",
  "Zennor",
];

const ZH_ORGANIZERS = [
  "外交部",
  "国防部",
  "商务部",
  "国家卫生健康委员会",
  "财政部",
  "教育部",
  "生态环境部",
  "交通运输部",
  "国务院新闻办公室",
  "国家统计局",
  "中国人民银行",
  "公安部",
];
const ZH_PROVINCES = [
  "北京市",
  "上海市",
  "天津市",
  "重庆市",
  "广东省",
  "浙江省",
  "江苏省",
  "四川省",
  "湖北省",
  "湖南省",
  "山东省",
  "河南省",
  "福建省",
  "云南省",
  "陕西省",
  "辽宁省",
  "吉林省",
  "安徽省",
  "江西省",
  "广西壮族自治区",
];

const EN_FIRST = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elena",
  "Frank",
  "Grace",
  "Hugo",
  "Ines",
  "James",
  "Karin",
  "Liam",
  "Maria",
  "Nikolai",
  "Olga",
  "Peter",
  "Rosa",
  "Samuel",
  "Tomas",
  "Ursula",
  "Victor",
  "Wendy",
  "Yusuf",
  "Zofia",
  "Amir",
  "Beatrice",
  "Carlos",
  "Dana",
  "Emil",
  "Farah",
];
const EN_LAST = [
  "Adler",
  "Brandt",
  "Castillo",
  "Dimitrov",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hoffmann",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Novak",
  "Okafor",
  "Petrov",
  "Quinn",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Umarov",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zeller",
  "Baker",
  "Chen",
  "Dubois",
  "Evans",
  "Novotny",
  "Horvat",
  "Silva",
  "Murphy",
  "Larsen",
  "Mendes",
  "Keller",
  "Nakamura",
  "Ortiz",
  "Popescu",
];
const ZH_SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
  "梁",
  "宋",
  "郑",
  "谢",
  "韩",
  "唐",
  "冯",
  "于",
  "董",
  "萧",
];
const ZH_GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "文",
  "华",
  "红",
  "志强",
  "晓东",
  "海燕",
  "宇",
];

const EN_CITIES = [
  "Northport",
  "Lakeside",
  "Riverton",
  "Eastbridge",
  "Westfield",
  "Harbour City",
  "Springvale",
  "Oakridge",
  "Kingsford",
  "Milltown",
  "Ashby",
  "Brightwater",
  "Cedarville",
  "Dunmore",
  "Elmstead",
  "Fairhaven",
  "Glenrock",
  "Highcliff",
  "Ironbridge",
  "Juniper",
  "Kenmore",
  "Larkhill",
  "Marston",
  "Newbury",
  "Oldcastle",
  "Pinehurst",
  "Queensbay",
  "Redmond",
  "Stonegate",
  "Thornbury",
];
const EN_MASTHEADS = [
  "Herald",
  "Tribune",
  "Times",
  "Post",
  "Daily News",
  "Radio",
  "Television",
  "Gazette",
  "Courier",
  "Observer",
  "Chronicle",
  "Wire",
  "Journal",
  "Review",
  "Broadcasting",
];
const ZH_CITIES = ["北京", "上海", "广州", "深圳", "成都", "武汉", "杭州", "南京", "重庆", "天津", "西安", "长沙", "青岛", "厦门", "昆明", "大连", "沈阳", "郑州", "济南", "福州"];
const ZH_MASTHEADS = ["日报", "晚报", "电视台", "广播电台", "新闻网", "商报", "青年报"];

export interface Organizer {
  name: string;
  lang: "en" | "zh";
}

/** Every organizer, most important first (the Zipf weight follows this order). */
export function organizers(): { en: Organizer[]; zh: Organizer[] } {
  const en: Organizer[] = [];
  // Interleaved so the head of the list spans several countries, not one country's ministries.
  for (const ministry of EN_MINISTRIES) for (const country of COUNTRIES) en.push({ name: `${ministry} of ${country}`, lang: "en" });
  const zh: Organizer[] = ZH_ORGANIZERS.map((name) => ({ name: `中华人民共和国${name}`, lang: "zh" as const }));
  for (const province of ZH_PROVINCES) zh.push({ name: `${province}人民政府新闻办公室`, lang: "zh" });
  return { en, zh };
}

/** Outlets, most frequent first: the real ones the corpus names, then invented ones. */
export function outlets(real: { en: string[]; zh: string[] }): { en: string[]; zh: string[] } {
  const en = [...real.en];
  for (const masthead of EN_MASTHEADS) for (const city of EN_CITIES) en.push(`${city} ${masthead}`);
  const zh = [...real.zh];
  for (const masthead of ZH_MASTHEADS) for (const city of ZH_CITIES) zh.push(`${city}${masthead}`);
  return { en: unique(en), zh: unique(zh) };
}

/** A person's name picked by a number: the same number always gives the same name. */
export function personName(lang: "en" | "zh", n: number): string {
  if (lang === "zh") return ZH_SURNAMES[n % ZH_SURNAMES.length] + ZH_GIVEN[Math.floor(n / ZH_SURNAMES.length) % ZH_GIVEN.length];
  return `${EN_FIRST[n % EN_FIRST.length]} ${EN_LAST[Math.floor(n / EN_FIRST.length) % EN_LAST.length]}`;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
