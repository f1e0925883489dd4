// Queries for the search benchmark, written for it (not copied from the corpus).

/**
 * Known-item queries: how a journalist might half-remember one exchange, in our own words,
 * with the corpus id of the pair they are after. Relevance = where that id lands.
 */
export const KNOWN_ITEMS: { q: string; target: string }[] = [
  { q: "Japan police unit to patrol the disputed islands", target: "mfa-en-t1693811-008" },
  { q: "are Polish nationals in China at risk of retaliatory detention", target: "mfa-en-t1629365-005" },
  { q: "deadline for foreign airlines to relabel Taiwan on their sites", target: "mfa-en-t1580228-010" },
  { q: "Chinese troops crossed into Uttarakhand line of actual control", target: "mfa-en-t1594900-008" },
  { q: "will China join trilateral arms control talks with US and Russia", target: "mfa-en-t1787390-007" },
  { q: "The Australian newspaper says working with China beats any veto", target: "mfa-en-t1607513-001" },
  { q: "de Gaulle thinks US withdrawal from Vietnam brings peace", target: "uspnc-1966-09-08-202-024" },
  { q: "task force wants president to have discretion to lower tax rates in a downturn", target: "uspnc-1961-02-08-334-029" },
  { q: "Fulbright plan to curb the president's emergency military power", target: "uspnc-1969-06-19-133-020" },
  { q: "keep testing nuclear weapons underground under the test ban treaty", target: "uspnc-1963-08-01-279-002" },
  { q: "Eisenhower on televised debates between Nixon and Kennedy", target: "uspnc-1960-08-24-340-002" },
  { q: "veto school aid for federally impacted areas Powell", target: "uspnc-1961-07-19-324-011" },
  { q: "did ASEAN back China over Taiwan, Blinken says otherwise", target: "cmfa-v4-27610" },
  { q: "former UN official blames NATO expansion for the Russia Ukraine war", target: "cmfa-v4-27368" },
  { q: "Li Keqiang trip to Moscow, trade makes sanctions on Russia harder", target: "cmfa-v4-11291" },
  { q: "New York Times stories on China knowing in advance about Russia's invasion were made to order", target: "cmfa-v4-26383" },
  { q: "G7 summit declaration South China Sea Ukraine sanctions", target: "cmfa-v4-12072" },
  { q: "Baerbock calls China competitor partner and systemic rival", target: "cmfa-v4-29290" },
  { q: "Russia export controls as a model against China, Commerce under secretary", target: "cmfa-v4-27438" },
  { q: "蒂勒森 钓鱼岛 日美安保条约第五条", target: "mfa-zh-t1436450-009" },
  { q: "阿盟 伊斯兰合作组织 支持中国抗疫", target: "mfa-zh-t1752954-005" },
  { q: "马苏德 列名 武汉会晤 印方", target: "mfa-zh-t1645469-005" },
  { q: "东盟峰会 主席声明 南海 菲律宾", target: "mfa-zh-t1458283-001" },
  { q: "安倍 文在寅 对朝人道援助 分歧", target: "mfa-zh-t1493991-003" },
  { q: "香港警方 驱散 立法会 示威", target: "mfa-zh-t1671982-003" },
  { q: "Governor Hochul says the border is too open", target: "wh-2023-10-02-press-briefing-by-press-secretary-karine-jean-pierre-48-056" },
  {
    q: "Hochstein working with the Trump transition on Lebanon",
    target: "wh-2024-11-25-on-the-record-press-gaggle-by-white-house-national-security-communications-advisor-john-kirby-35-014",
  },
  {
    q: "DeSantis migrant flights in the middle of the night",
    target:
      "wh-2022-09-16-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-council-coordinator-for-strategic-communications-john-kirby-september-16-2022-034",
  },
  {
    q: "any talk of limiting travel between states like Europe does",
    target: "wh-2021-03-04-press-briefing-by-press-secretary-jen-psaki-and-secretary-of-veterans-affairs-denis-mcdonough-march-4-2021-030",
  },
  {
    q: "does the administration think Putin killed Prigozhin",
    target: "wh-2023-08-29-press-briefing-by-press-secretary-karine-jean-pierre-domestic-policy-advisor-neera-tanden-and-fema-administrator-deanne-criswell-028",
  },
  { q: "Haitian migrants landing by boat in the Florida Keys", target: "wh-2022-03-14-press-briefing-by-press-secretary-jen-psaki-march-14-2022-054" },
  {
    q: "consequences for Saudi Arabia after the OPEC production cut",
    target: "wh-2022-10-26-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-council-coordinator-for-strategic-communications-john-kirby-3-017",
  },
  {
    q: "why was Tesla left out of the electric vehicle event, Musk surprised",
    target: "wh-2021-08-05-press-briefing-by-press-secretary-jen-psaki-and-secretary-of-education-miguel-cardona-august-5-2021-049",
  },
  {
    q: "humane treatment of children at the border encourages desperate parents",
    target: "wh-2021-03-23-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-en-route-columbus-ohio-028",
  },
];

/** Extra queries for speed: single words, phrases, exclusions, typos, Chinese, filters, browsing. */
export const MIXED_EXTRA: string[] = [
  "q=inflation",
  "q=tariffs",
  "q=vaccine",
  "q=vacine+mandate",
  "q=inflaton+rate",
  "q=%22climate+change%22",
  "q=%22one+China%22",
  "q=%22supply+chain%22+semiconductors",
  "q=ukraine+-russia",
  "q=taiwan+-strait",
  "q=%E5%8F%B0%E6%B9%BE",
  "q=%E6%96%B0%E5%86%A0",
  "q=%E4%B8%80%E5%B8%A6%E4%B8%80%E8%B7%AF",
  "q=%E8%B4%B8%E6%98%93%E6%88%98",
  "q=border&year=2021",
  "q=Afghanistan&year=2021&year=2022",
  "q=Vietnam&from=1965-01-01&to=1969-12-31",
  "q=sanctions&lang=en&sort=newest",
  "q=debt+ceiling&sort=oldest",
  "q=",
  "q=&year=1962",
  "q=&lang=zh",
  "q=Cuba+missiles",
  "q=gas+prices",
  "q=student+loans",
  "q=Hong+Kong+national+security+law",
];

/** Every benchmark query as a query string for /api/v1/search (and the same parameters for raw Meilisearch). */
export function mixedQueries(): string[] {
  return [...KNOWN_ITEMS.map((k) => `q=${encodeURIComponent(k.q)}`), ...MIXED_EXTRA];
}
