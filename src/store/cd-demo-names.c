/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words a believable Chinese agency is made of: cities, people,
 * companies, what it sells and buys, what its people write down. The
 * generator (cd-demo.c) draws from these with its own seeded PRNG. The
 * texts are sample data in Chinese, as users would type them; they are not
 * user interface and are not translated. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>

#include "core/cd-credit-code.h"
#include "store/cd-demo-private.h"

#define N(a) ((guint32) G_N_ELEMENTS (a))

/* ------------------------------------------------------------------ */
/* Places                                                              */

/* The agency is in Shanghai: most clients are in 华东. */
static const CdDemoCity cities[] = {
  { "上海", "华东", "310000", "021", 30 }, { "杭州", "华东", "330100", "0571", 8 },
  { "南京", "华东", "320100", "025", 7 },  { "苏州", "华东", "320500", "0512", 7 },
  { "宁波", "华东", "330200", "0574", 4 }, { "合肥", "华东", "340100", "0551", 3 },
  { "济南", "华东", "370100", "0531", 3 }, { "青岛", "华东", "370200", "0532", 3 },
  { "福州", "华东", "350100", "0591", 2 }, { "厦门", "华东", "350200", "0592", 3 },
  { "无锡", "华东", "320200", "0510", 3 }, { "北京", "华北", "110000", "010", 10 },
  { "天津", "华北", "120000", "022", 4 },  { "石家庄", "华北", "130100", "0311", 2 },
  { "太原", "华北", "140100", "0351", 1 }, { "广州", "华南", "440100", "020", 8 },
  { "深圳", "华南", "440300", "0755", 9 }, { "东莞", "华南", "441900", "0769", 3 },
  { "佛山", "华南", "440600", "0757", 3 }, { "南宁", "华南", "450100", "0771", 1 },
  { "武汉", "华中", "420100", "027", 4 },  { "长沙", "华中", "430100", "0731", 3 },
  { "郑州", "华中", "410100", "0371", 3 }, { "南昌", "华中", "360100", "0791", 1 },
  { "成都", "西南", "510100", "028", 5 },  { "重庆", "西南", "500000", "023", 4 },
  { "昆明", "西南", "530100", "0871", 1 }, { "贵阳", "西南", "520100", "0851", 1 },
  { "西安", "西北", "610100", "029", 3 },  { "兰州", "西北", "620100", "0931", 1 },
  { "沈阳", "东北", "210100", "024", 2 },  { "大连", "东北", "210200", "0411", 2 },
  { "哈尔滨", "东北", "230100", "0451", 1 }, { "长春", "东北", "220100", "0431", 1 },
};

const CdDemoCity *
cd_demo_city (CdDemoRng *r)
{
  guint total = 0, pick;

  for (guint i = 0; i < N (cities); i++)
    total += cities[i].weight;
  pick = cd_demo_rng_below (r, total);
  for (guint i = 0; i < N (cities); i++)
    {
      if (pick < cities[i].weight)
        return &cities[i];
      pick -= cities[i].weight;
    }
  return &cities[0];
}

static const char *const w_food[] = { "食品", "饮料", "日化", "乳业", "食品科技", NULL };
static const char *const w_auto[] = { "汽车销售服务", "汽车贸易", "汽车科技", NULL };
static const char *const w_estate[] = { "置业", "房地产开发", "地产", NULL };
static const char *const w_finance[] = { "投资管理", "融资租赁", "资产管理", "保险代理", NULL };
static const char *const w_pharma[] = { "医药", "生物科技", "药业", "健康科技", NULL };
static const char *const w_edu[] = { "教育科技", "教育咨询", "培训", NULL };
static const char *const w_net[] = { "网络科技", "信息技术", "数字科技", "电子商务", NULL };
static const char *const w_dining[] = { "餐饮管理", "餐饮连锁", NULL };
static const char *const w_retail[] = { "商贸", "百货", "超市连锁", NULL };
static const char *const w_travel[] = { "文化旅游", "酒店管理", "文化传播", NULL };
static const char *const w_appliance[] = { "电器", "智能家居", NULL };
static const char *const w_fashion[] = { "服饰", "鞋业", "时装", NULL };

static const CdDemoIndustry industries[] = {
  { "快消", w_food }, { "快消", w_food }, { "汽车", w_auto }, { "地产", w_estate },
  { "金融", w_finance }, { "医药", w_pharma }, { "教育", w_edu }, { "互联网", w_net },
  { "互联网", w_net }, { "餐饮", w_dining }, { "零售", w_retail }, { "文旅", w_travel },
  { "家电", w_appliance }, { "服装", w_fashion },
};

const CdDemoIndustry *
cd_demo_industry (CdDemoRng *r)
{
  return &industries[cd_demo_rng_below (r, N (industries))];
}

/* ------------------------------------------------------------------ */
/* People                                                              */

typedef struct
{
  const char *hanzi;
  const char *pinyin;
} Syllable;

/* Commonest first: the first twenty are drawn more often. */
static const Syllable surnames[] = {
  { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" }, { "陈", "chen" },
  { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "吴", "wu" }, { "周", "zhou" },
  { "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" },
  { "郭", "guo" }, { "何", "he" }, { "高", "gao" }, { "林", "lin" }, { "罗", "luo" },
  { "郑", "zheng" }, { "梁", "liang" }, { "谢", "xie" }, { "宋", "song" }, { "唐", "tang" },
  { "许", "xu" }, { "韩", "han" }, { "冯", "feng" }, { "邓", "deng" }, { "曹", "cao" },
  { "彭", "peng" }, { "曾", "zeng" }, { "肖", "xiao" }, { "田", "tian" }, { "董", "dong" },
  { "袁", "yuan" }, { "潘", "pan" }, { "于", "yu" }, { "蒋", "jiang" }, { "蔡", "cai" },
  { "余", "yu" }, { "杜", "du" }, { "叶", "ye" }, { "程", "cheng" }, { "苏", "su" },
  { "魏", "wei" }, { "吕", "lv" }, { "丁", "ding" }, { "任", "ren" }, { "沈", "shen" },
  { "姚", "yao" }, { "卢", "lu" }, { "姜", "jiang" }, { "崔", "cui" }, { "钟", "zhong" },
  { "谭", "tan" }, { "陆", "lu" }, { "汪", "wang" }, { "范", "fan" }, { "金", "jin" },
  { "石", "shi" }, { "廖", "liao" }, { "贾", "jia" }, { "夏", "xia" }, { "韦", "wei" },
  { "方", "fang" }, { "白", "bai" }, { "邹", "zou" }, { "孟", "meng" }, { "熊", "xiong" },
  { "秦", "qin" }, { "邱", "qiu" }, { "江", "jiang" }, { "尹", "yin" }, { "薛", "xue" },
  { "段", "duan" }, { "雷", "lei" }, { "侯", "hou" }, { "龙", "long" }, { "陶", "tao" },
  { "顾", "gu" }, { "毛", "mao" }, { "郝", "hao" }, { "龚", "gong" }, { "邵", "shao" },
  { "万", "wan" }, { "钱", "qian" }, { "严", "yan" }, { "欧阳", "ouyang" }, { "上官", "shangguan" },
};

static const Syllable given[] = {
  { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" }, { "静", "jing" },
  { "丽", "li" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" }, { "洋", "yang" },
  { "勇", "yong" }, { "艳", "yan" }, { "杰", "jie" }, { "娟", "juan" }, { "涛", "tao" },
  { "明", "ming" }, { "超", "chao" }, { "秀", "xiu" }, { "霞", "xia" }, { "平", "ping" },
  { "刚", "gang" }, { "英", "ying" }, { "华", "hua" }, { "玉", "yu" }, { "萍", "ping" },
  { "红", "hong" }, { "建", "jian" }, { "文", "wen" }, { "辉", "hui" }, { "鹏", "peng" },
  { "宇", "yu" }, { "浩", "hao" }, { "俊", "jun" }, { "婷", "ting" }, { "雪", "xue" },
  { "琳", "lin" }, { "晨", "chen" }, { "欣", "xin" }, { "怡", "yi" }, { "佳", "jia" },
  { "思", "si" }, { "梓", "zi" }, { "涵", "han" }, { "子", "zi" }, { "轩", "xuan" },
  { "博", "bo" }, { "然", "ran" }, { "嘉", "jia" }, { "晓", "xiao" }, { "雨", "yu" },
  { "诗", "shi" }, { "梦", "meng" }, { "颖", "ying" }, { "志", "zhi" }, { "海", "hai" },
  { "峰", "feng" }, { "斌", "bin" }, { "凯", "kai" }, { "亮", "liang" }, { "东", "dong" },
  { "阳", "yang" }, { "帆", "fan" }, { "倩", "qian" }, { "瑶", "yao" }, { "慧", "hui" },
  { "洁", "jie" }, { "丹", "dan" }, { "璐", "lu" }, { "蕾", "lei" }, { "彤", "tong" },
  { "昊", "hao" }, { "睿", "rui" }, { "哲", "zhe" }, { "航", "hang" }, { "宁", "ning" },
  { "琪", "qi" }, { "悦", "yue" }, { "楠", "nan" }, { "鑫", "xin" }, { "晶", "jing" },
  { "露", "lu" }, { "薇", "wei" }, { "莉", "li" }, { "鸿", "hong" }, { "毅", "yi" },
  { "健", "jian" }, { "彬", "bin" }, { "飞", "fei" }, { "云", "yun" }, { "立", "li" },
  { "坤", "kun" }, { "翔", "xiang" }, { "冬", "dong" }, { "春", "chun" }, { "蓉", "rong" },
};

/* Auspicious characters companies are named with. */
static const Syllable brand_chars[] = {
  { "星", "xing" }, { "河", "he" }, { "绿", "lv" }, { "源", "yuan" }, { "锦", "jin" },
  { "程", "cheng" }, { "远", "yuan" }, { "航", "hang" }, { "恒", "heng" }, { "信", "xin" },
  { "金", "jin" }, { "鼎", "ding" }, { "嘉", "jia" }, { "禾", "he" }, { "瑞", "rui" },
  { "丰", "feng" }, { "盛", "sheng" }, { "天", "tian" }, { "润", "run" }, { "新", "xin" },
  { "锐", "rui" }, { "博", "bo" }, { "蓝", "lan" }, { "海", "hai" }, { "卓", "zhuo" },
  { "越", "yue" }, { "启", "qi" }, { "宏", "hong" }, { "图", "tu" }, { "世", "shi" },
  { "万", "wan" }, { "象", "xiang" }, { "晨", "chen" }, { "光", "guang" }, { "凯", "kai" },
  { "旋", "xuan" }, { "汇", "hui" }, { "通", "tong" }, { "永", "yong" }, { "和", "he" },
  { "美", "mei" }, { "优", "you" }, { "品", "pin" }, { "鸿", "hong" }, { "运", "yun" },
  { "华", "hua" }, { "泰", "tai" }, { "安", "an" }, { "康", "kang" }, { "福", "fu" },
  { "祥", "xiang" }, { "德", "de" }, { "顺", "shun" }, { "达", "da" }, { "隆", "long" },
  { "昌", "chang" }, { "兴", "xing" }, { "明", "ming" }, { "辉", "hui" }, { "耀", "yao" },
  { "创", "chuang" }, { "智", "zhi" }, { "联", "lian" }, { "合", "he" }, { "众", "zhong" },
  { "力", "li" }, { "诚", "cheng" }, { "正", "zheng" }, { "宇", "yu" }, { "云", "yun" },
  { "峰", "feng" }, { "青", "qing" }, { "松", "song" }, { "竹", "zhu" }, { "梅", "mei" },
  { "兰", "lan" }, { "春", "chun" }, { "秋", "qiu" }, { "东", "dong" }, { "方", "fang" },
  { "尚", "shang" }, { "睿", "rui" }, { "思", "si" }, { "悦", "yue" }, { "乐", "le" },
  { "欣", "xin" }, { "益", "yi" }, { "佳", "jia" }, { "韵", "yun" }, { "驰", "chi" },
};

static void
put_syllables (char *buf, gsize size, const char *a, const char *b, const char *c)
{
  g_snprintf (buf, size, "%s%s%s", a, b, c ? c : "");
}

void
cd_demo_person (CdDemoRng *r, char *name, gsize name_size, char *pinyin, gsize pinyin_size)
{
  const Syllable *s = cd_demo_rng_chance (r, 600) ? &surnames[cd_demo_rng_below (r, 20)]
                                                  : &surnames[cd_demo_rng_below (r, N (surnames))];
  const Syllable *g1 = &given[cd_demo_rng_below (r, N (given))];
  const Syllable *g2 = cd_demo_rng_chance (r, 600) ? &given[cd_demo_rng_below (r, N (given))] : NULL;

  put_syllables (name, name_size, s->hanzi, g1->hanzi, g2 ? g2->hanzi : NULL);
  if (pinyin != NULL)
    put_syllables (pinyin, pinyin_size, s->pinyin, g1->pinyin, g2 ? g2->pinyin : NULL);
}

void
cd_demo_brand (CdDemoRng *r, char *brand, gsize brand_size, char *pinyin, gsize pinyin_size)
{
  guint32 a = cd_demo_rng_below (r, N (brand_chars));
  guint32 b = (a + 1 + cd_demo_rng_below (r, N (brand_chars) - 1)) % N (brand_chars);

  put_syllables (brand, brand_size, brand_chars[a].hanzi, brand_chars[b].hanzi, NULL);
  put_syllables (pinyin, pinyin_size, brand_chars[a].pinyin, brand_chars[b].pinyin, NULL);
}

void
cd_demo_mobile (CdDemoRng *r, char *buf, gsize size)
{
  static const char *const prefixes[] = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "183",
    "185", "186", "187", "188", "189", "198", "199",
  };
  const char *prefix = prefixes[cd_demo_rng_below (r, N (prefixes))];

  g_snprintf (buf, size, "%s%08u", prefix, cd_demo_rng_below (r, 100000000));
}

void
cd_demo_landline (CdDemoRng *r, const CdDemoCity *city, char *buf, gsize size)
{
  guint first = 5 + cd_demo_rng_below (r, 4);

  g_snprintf (buf, size, "%s-%u%07u", city->area_code, first, cd_demo_rng_below (r, 10000000));
}

/* "上海市" but "北京市" too: every city here is written with 市. */
void
cd_demo_address (CdDemoRng *r, const CdDemoCity *city, char *buf, gsize size)
{
  const char *road = cd_demo_word (r, CD_DEMO_W_ROAD);
  guint house = 1 + cd_demo_rng_below (r, 888);

  g_snprintf (buf, size, "%s市%s%u号%s", city->name, road, house,
              cd_demo_word (r, CD_DEMO_W_BUILDING));
}

void
cd_demo_bank (CdDemoRng *r, const CdDemoCity *city,
              char *bank, gsize bank_size, char *account, gsize account_size)
{
  const char *road = cd_demo_word (r, CD_DEMO_W_ROAD);
  char branch[32];
  gsize len;

  /* "人民路" → "人民": a sub-branch is named after its street. */
  g_strlcpy (branch, road, sizeof branch);
  len = strlen (branch);
  if (g_str_has_suffix (branch, "大道"))
    branch[len - strlen ("大道")] = '\0';
  else if (len > 3)
    branch[len - 3] = '\0';   /* 路, 街: one character */
  guint part[4];

  g_snprintf (bank, bank_size, "%s%s分行%s支行", cd_demo_word (r, CD_DEMO_W_BANK),
              city->name, branch);
  part[0] = 6000 + cd_demo_rng_below (r, 4000);
  part[1] = cd_demo_rng_below (r, 1000000);
  part[2] = cd_demo_rng_below (r, 1000000);
  part[3] = cd_demo_rng_below (r, 1000);
  g_snprintf (account, account_size, "%04u%06u%06u%03u", part[0], part[1], part[2], part[3]);
}

void
cd_demo_credit_code (guint64 serial, const char *division, char *out)
{
  static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  /* A bijection of [0, 10^8): distinct serials, distinct codes, yet they
   * do not count up visibly. 61803399 is prime to 10^8. */
  guint64 body = (serial % 100000000 * 61803399 + 13579) % 100000000;
  int sum = 0;
  int check;

  /* 9 = registered by market regulation, 1 = enterprise. */
  g_snprintf (out, 19, "91%.6s%08" G_GUINT64_FORMAT, division, body);
  for (int i = 0; i < 8; i++)
    sum += (out[8 + i] - '0') * org_weights[i];
  check = 11 - sum % 11;   /* GB 11714 organisation code check digit */
  out[16] = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  out[17] = cd_credit_code_check_char (out);
  out[18] = '\0';
}

/* ------------------------------------------------------------------ */
/* Catalogue, projects, checklists                                     */

static const CdDemoCatalogueItem catalogue[] = {
  /* 0 */ { "品牌策略咨询", "年度品牌策略及传播规划", "项", 3000000, CD_DEMO_CAT_DESIGN, 1, 1, FALSE },
  { "创意提案", "创意概念及执行方案", "项", 1500000, CD_DEMO_CAT_DESIGN, 1, 1, FALSE },
  { "主视觉KV设计", "含3次修改", "套", 1200000, CD_DEMO_CAT_DESIGN, 1, 2, FALSE },
  { "平面设计延展", "单款延展", "款", 180000, CD_DEMO_CAT_DESIGN, 2, 12, FALSE },
  { "海报设计", "竖版/横版", "款", 150000, CD_DEMO_CAT_DESIGN, 1, 6, FALSE },
  /* 5 */ { "画册设计", "按页计", "P", 30000, CD_DEMO_CAT_DESIGN, 12, 48, FALSE },
  { "包装设计", "含结构及平面", "款", 600000, CD_DEMO_CAT_DESIGN, 1, 4, FALSE },
  { "文案撰写", "推文/软文", "篇", 80000, CD_DEMO_CAT_DESIGN, 2, 10, FALSE },
  { "短视频策划拍摄剪辑", "60秒以内", "条", 1500000, CD_DEMO_CAT_DESIGN, 1, 4, FALSE },
  { "活动摄影摄像", "含精修图30张", "天", 600000, CD_DEMO_CAT_DESIGN, 1, 3, FALSE },
  /* 10 */ { "海报印刷", "200g铜版纸 A2 四色", "张", 350, CD_DEMO_CAT_PRINT, 500, 5000, FALSE },
  { "宣传单页", "157g铜版纸 A4 双面", "张", 45, CD_DEMO_CAT_PRINT, 5000, 50000, FALSE },
  { "画册印刷", "24P 骑马钉 覆哑膜", "本", 1500, CD_DEMO_CAT_PRINT, 500, 5000, FALSE },
  { "手提袋", "250g白卡 覆膜 含绳", "个", 450, CD_DEMO_CAT_PRINT, 500, 10000, FALSE },
  { "台卡", "亚克力 A5", "个", 1800, CD_DEMO_CAT_PRINT, 20, 300, FALSE },
  /* 15 */ { "户外喷绘", "520灯布", "平方米", 2500, CD_DEMO_CAT_LARGE_FORMAT, 20, 600, TRUE },
  { "写真画面", "背胶PP 含覆膜", "平方米", 4500, CD_DEMO_CAT_LARGE_FORMAT, 10, 200, TRUE },
  { "易拉宝", "80×200cm 含架", "个", 12000, CD_DEMO_CAT_LARGE_FORMAT, 5, 80, FALSE },
  { "X展架", "60×160cm 含架", "个", 6000, CD_DEMO_CAT_LARGE_FORMAT, 5, 100, FALSE },
  { "车身广告贴", "3M车贴", "平方米", 9000, CD_DEMO_CAT_LARGE_FORMAT, 10, 120, TRUE },
  /* 20 */ { "地贴", "防滑磨砂膜", "平方米", 8000, CD_DEMO_CAT_LARGE_FORMAT, 5, 60, TRUE },
  { "LED屏租赁", "P3.9 户外 含运输", "平方米·天", 25000, CD_DEMO_CAT_LED, 24, 200, FALSE },
  { "LED屏搭建调试", "含技术人员", "场", 300000, CD_DEMO_CAT_LED, 1, 3, FALSE },
  { "定制保温杯", "500ml 激光LOGO", "个", 6800, CD_DEMO_CAT_GIFTS, 100, 2000, FALSE },
  { "帆布袋", "12安 丝印LOGO", "个", 1500, CD_DEMO_CAT_GIFTS, 200, 5000, FALSE },
  /* 25 */ { "定制礼盒", "含内托 烫金", "套", 18000, CD_DEMO_CAT_GIFTS, 50, 1000, FALSE },
  { "定制T恤", "纯棉 印LOGO", "件", 3500, CD_DEMO_CAT_GIFTS, 50, 800, FALSE },
  { "展台设计搭建", "特装 含拆除", "平方米", 120000, CD_DEMO_CAT_FABRICATION, 18, 200, TRUE },
  { "舞台背景板", "桁架+喷绘", "平方米", 28000, CD_DEMO_CAT_FABRICATION, 20, 150, TRUE },
  { "门头灯箱", "亚克力吸塑", "平方米", 85000, CD_DEMO_CAT_FABRICATION, 4, 40, TRUE },
  /* 30 */ { "堆头制作", "含安装", "个", 150000, CD_DEMO_CAT_FABRICATION, 2, 30, FALSE },
  { "活动执行", "含人员及现场管理", "场", 2000000, CD_DEMO_CAT_EVENT, 1, 3, FALSE },
  { "媒介投放", "按排期执行", "项", 5000000, CD_DEMO_CAT_MEDIA, 1, 1, FALSE },
  { "物流配送", "市内", "批", 150000, CD_DEMO_CAT_OTHER, 1, 5, FALSE },
  { "安装服务", "含高空作业", "次", 60000, CD_DEMO_CAT_OTHER, 1, 10, FALSE },
  /* 35: the nationwide campaign's store kit */
  { "门店海报", "200g铜版纸 A1", "张", 480, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
  { "吊旗", "双面 300g铜版纸", "张", 260, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
  { "价格牌", "PVC 覆膜", "个", 180, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
  { "跳跳卡", "含弹簧", "个", 150, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
  { "货架贴", "不干胶 覆膜", "张", 90, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
  /* 40 */ { "圆形地贴", "防滑磨砂膜 直径60cm", "张", 1500, CD_DEMO_CAT_LARGE_FORMAT, 1, 1, FALSE },
  { "堆头围挡", "KT板 写真", "套", 3800, CD_DEMO_CAT_LARGE_FORMAT, 1, 1, FALSE },
  { "灯箱片", "灯片 写真", "张", 2600, CD_DEMO_CAT_LARGE_FORMAT, 1, 1, FALSE },
  { "收银台贴", "磨砂不干胶", "张", 350, CD_DEMO_CAT_PRINT, 1, 1, FALSE },
};

static const int campaign_items[] = { 35, 36, 37, 38, 39, 40, 41, 42, 18, 43 };
static const int campaign_per_store[] = { 10, 40, 100, 60, 200, 4, 1, 2, 2, 4 };
G_STATIC_ASSERT (G_N_ELEMENTS (campaign_items) == G_N_ELEMENTS (campaign_per_store));

static const int t_launch[] = { 1, 2, 3, 4, 7, 10, 11, 17, 18, 23, 31, -1 };
static const int t_brand[] = { 0, 1, 2, 3, 7, 8, 32, -1 };
static const int t_store[] = { 2, 3, 16, 20, 29, 30, 34, -1 };
static const int t_dealer[] = { 1, 2, 4, 9, 13, 21, 22, 25, 28, 31, -1 };
static const int t_promo[] = { 2, 3, 4, 7, 10, 11, 17, 20, 24, -1 };
static const int t_giftbox[] = { 6, 12, 13, 25, -1 };
static const int t_anniv[] = { 1, 2, 4, 9, 17, 18, 21, 26, 28, 31, -1 };
static const int t_opening[] = { 2, 4, 11, 15, 17, 18, 24, 31, 34, -1 };
static const int t_gala[] = { 1, 9, 21, 22, 25, 28, 31, -1 };
static const int t_brochure[] = { 5, 7, 12, -1 };
static const int t_expo[] = { 2, 13, 14, 17, 23, 27, 34, -1 };
static const int t_social[] = { 3, 7, 8, 32, -1 };
static const int t_outdoor[] = { 2, 15, 19, 32, 34, -1 };

static const CdDemoProjectType project_types[] = {
  { "%s%d新品上市推广", t_launch }, { "%s%d年度品牌传播", t_brand },
  { "%s门店形象升级（%d）", t_store }, { "%s%d经销商大会", t_dealer },
  { "%s%d双十一促销活动", t_promo }, { "%s%d春节礼盒包装设计", t_giftbox },
  { "%s%d周年庆活动", t_anniv }, { "%s新店开业活动（%d）", t_opening },
  { "%s%d年会策划执行", t_gala }, { "%s产品画册设计印刷（%d版）", t_brochure },
  { "%s%d展会展台设计搭建", t_expo }, { "%s%d社交媒体内容运营", t_social },
  { "%s%d户外广告投放", t_outdoor },
};

static const char *const ck_print[] = {
  "颜色与签样一致，无明显色差", "成品尺寸符合要求", "裁切整齐，无毛边", "装订牢固，页码顺序正确",
  "纸张克重与材质符合要求", "文字、图片无错漏", "数量清点无误", "包装完好，无受潮破损", NULL };
static const char *const fx_print[] = {
  "颜色偏差明显，偏红", "尺寸偏差超过2mm", "裁切不齐，有毛边", "骑马钉松脱", "纸张克重不足", NULL };
static const char *const ck_large[] = {
  "画面清晰，无拉丝断墨", "颜色与设计稿一致", "尺寸符合要求", "材质（灯布/背胶）符合要求",
  "拼接平整，接缝对齐", "边缘打扣/包边牢固", "数量清点无误", NULL };
static const char *const fx_large[] = {
  "画面有明显拉丝", "颜色偏暗", "尺寸小了5cm", "拼缝错位", "打扣间距过大", NULL };
static const char *const ck_led[] = {
  "无坏点、死灯", "亮度达到要求", "色温一致，无色块", "箱体拼接平整，无明显缝隙",
  "播控系统运行正常", "线路布设安全规范", "屏幕尺寸与分辨率符合要求", NULL };
static const char *const fx_led[] = {
  "坏点3处", "亮度不足，白天看不清", "左下角模组色温偏黄", "箱体拼接缝隙明显", NULL };
static const char *const ck_gifts[] = {
  "数量清点无误", "包装完好", "印刷LOGO清晰、位置正确", "颜色与确认样品一致",
  "无划痕、破损", "功能正常（保温/拉链等）", NULL };
static const char *const fx_gifts[] = {
  "数量短缺20件", "LOGO印歪", "外箱破损", "颜色与样品不符", "部分杯子保温不合格", NULL };
static const char *const ck_fab[] = {
  "结构稳固安全", "尺寸符合施工图", "表面处理（喷漆/贴膜）平整", "灯光电路正常",
  "材质符合要求", "现场清洁完毕", NULL };
static const char *const fx_fab[] = {
  "背景板晃动，需加固", "喷漆有流挂", "灯箱一侧不亮", "尺寸与施工图不符", NULL };
static const char *const ck_other[] = {
  "交付内容与订单一致", "数量清点无误", "质量符合约定", NULL };
static const char *const fx_other[] = { "少送一批", "交付时间延误", NULL };
static const char *const ck_output[] = {
  "无错别字", "符合品牌规范（LOGO、标准色、字体）", "尺寸与出血设置正确", "图片分辨率达标",
  "文件格式与命名规范", "信息核对（电话、地址、日期、价格）无误", "字体、图片素材已获授权", NULL };
static const char *const fx_output[] = {
  "标题有错别字", "LOGO安全距离不足", "出血只留了1mm", "图片分辨率不足300dpi", "活动日期写错", NULL };

/* Same order as the supplier categories (print … other), then output. */
static const CdDemoChecklist checklists[] = {
  { "print", "印刷品验收检查表", ck_print, fx_print },
  { "large_format", "喷画写真验收检查表", ck_large, fx_large },
  { "led", "LED屏验收检查表", ck_led, fx_led },
  { "gifts", "礼品验收检查表", ck_gifts, fx_gifts },
  { "fabrication", "搭建制作验收检查表", ck_fab, fx_fab },
  { "other", "通用交付验收检查表", ck_other, fx_other },
  { "output", "设计出品检查表", ck_output, fx_output },
};

const CdDemoCatalogueItem *
cd_demo_catalogue (guint *n_items)
{
  *n_items = N (catalogue);
  return catalogue;
}

const CdDemoProjectType *
cd_demo_project_types (guint *n_types)
{
  *n_types = N (project_types);
  return project_types;
}

const CdDemoChecklist *
cd_demo_checklists (guint *n_checklists)
{
  *n_checklists = N (checklists);
  return checklists;
}

const int *
cd_demo_campaign_items (const int **per_store, guint *n_items)
{
  *per_store = campaign_per_store;
  *n_items = N (campaign_items);
  return campaign_items;
}

const char *
cd_demo_category_code (CdDemoCategory category)
{
  static const char *const codes[CD_DEMO_N_CATS] = {
    "design", "print", "large_format", "led", "gifts", "fabrication", "other", "event", "media",
  };
  return codes[category];
}

const char *
cd_demo_supplier_word (CdDemoRng *r, CdDemoCategory category)
{
  static const char *const print[] = { "印刷", "印务", "彩印", "包装印刷" };
  static const char *const large[] = { "喷绘", "广告制作", "图文", "数码喷印" };
  static const char *const led[] = { "光电科技", "LED显示科技", "电子" };
  static const char *const gifts[] = { "礼品", "工艺品", "实业" };
  static const char *const fab[] = { "展览展示", "广告工程", "装饰工程" };
  static const char *const other[] = { "物流", "会展服务", "文化传播" };

  switch (category)
    {
    case CD_DEMO_CAT_PRINT: return print[cd_demo_rng_below (r, N (print))];
    case CD_DEMO_CAT_LARGE_FORMAT: return large[cd_demo_rng_below (r, N (large))];
    case CD_DEMO_CAT_LED: return led[cd_demo_rng_below (r, N (led))];
    case CD_DEMO_CAT_GIFTS: return gifts[cd_demo_rng_below (r, N (gifts))];
    case CD_DEMO_CAT_FABRICATION: return fab[cd_demo_rng_below (r, N (fab))];
    default: return other[cd_demo_rng_below (r, N (other))];
    }
}

const char *
cd_demo_dept_code (CdDemoDept dept)
{
  static const char *const codes[CD_DEMO_N_DEPTS] = {
    "design", "copywriting", "production", "media", "other",
  };
  return codes[dept];
}

const char *
cd_demo_work_title (CdDemoRng *r, CdDemoDept dept)
{
  static const char *const design[] = {
    "主视觉KV设计", "海报设计", "易拉宝画面设计", "画册排版", "包装设计", "门头效果图",
    "展台效果图", "邀请函设计", "H5页面设计", "朋友圈广告图", "电商详情页设计", "LOGO延展规范" };
  static const char *const copy[] = {
    "主题slogan创作", "产品卖点文案", "公众号推文", "新闻稿", "活动主持稿", "短视频脚本",
    "小红书种草文案", "画册文案" };
  static const char *const production[] = {
    "印刷文件制作", "大画面拼版输出", "打样跟进", "物料尺寸核对", "现场布置图", "视频剪辑包装",
    "三维建模渲染" };
  static const char *const media[] = {
    "媒介排期表", "投放数据周报", "户外点位踩点报告", "KOL筛选名单", "信息流素材适配" };
  static const char *const other[] = { "竞品调研报告", "提案PPT美化", "会议纪要整理" };

  switch (dept)
    {
    case CD_DEMO_DEPT_DESIGN: return design[cd_demo_rng_below (r, N (design))];
    case CD_DEMO_DEPT_COPYWRITING: return copy[cd_demo_rng_below (r, N (copy))];
    case CD_DEMO_DEPT_PRODUCTION: return production[cd_demo_rng_below (r, N (production))];
    case CD_DEMO_DEPT_MEDIA: return media[cd_demo_rng_below (r, N (media))];
    default: return other[cd_demo_rng_below (r, N (other))];
    }
}

/* ------------------------------------------------------------------ */
/* What people write down                                              */

static const char *const source[] = { "老客户转介绍", "行业展会", "官网咨询", "陌生拜访", "招投标", "合作伙伴推荐" };
static const char *const title[] = {
  "市场总监", "品牌经理", "市场部经理", "采购经理", "总经理", "行政主管", "品牌专员", "市场专员",
  "副总经理", "渠道经理" };
static const char *const note[] = {
  "年度框架合作客户", "每年春节、双十一有集中物料需求", "对出稿时效要求高", "付款审批流程较长，需提前对账",
  "偏好简洁高级的设计风格", "多门店客户，物料需分城市配送", "新品上市节奏快，需预留设计档期" };
static const char *const private_note[] = {
  "对接人喜欢喝茶，拜访可带点好茶叶", "市场总监性格直爽，不喜欢绕弯子", "周五下午不宜拜访，例会多",
  "老板很看重价格，报价要留谈判空间", "采购经理与竞争对手关系密切，需注意", "决策人是董事长夫人，重大方案需她点头",
  "对接人即将休产假，需提前认识新同事", "曾因延期交付投诉过，务必守时" };
static const char *const lost_reason[] = {
  "客户转由其他广告公司服务", "客户业务收缩，取消外包", "价格未达成一致", "客户公司被并购，统一由集团采购",
  "对接人离职，新负责人另选供应商" };
static const char *const cancel_reason[] = {
  "客户预算削减，项目取消", "客户内部战略调整", "报价未获客户通过", "活动延期至明年，暂不执行",
  "客户选择了其他供应商的方案" };
static const char *const version_reason[] = {
  "客户要求调整数量", "客户压价，调整单价", "增加物料项目", "删减部分项目以控制预算", "规格变更",
  "交付时间提前，加急费用调整" };
static const char *const payment_terms[] = {
  "合同签订后支付50%预付款，验收合格后支付余款", "验收合格后30日内一次性付清",
  "预付30%，中期40%，验收后30%", "月结60天" };
static const char *const terminate_reason[] = {
  "客户单方面终止合作，已按合同结算已完成部分", "项目范围重大变更，双方协商终止" };
static const char *const objective[] = {
  "提升品牌知名度，新品上市首月销量增长20%", "强化品牌年轻化形象，吸引Z世代消费者", "带动门店客流，提升转化率",
  "维护经销商关系，提振渠道信心", "提升线上声量，社交媒体曝光超过500万次", "塑造高端专业的品牌形象" };
static const char *const audience[] = {
  "25–40岁一二线城市白领", "三四线城市家庭消费者", "全国经销商及门店店长", "18–30岁年轻女性",
  "企业客户采购决策人", "在校大学生及职场新人" };
static const char *const channels[] = {
  "线下门店、微信公众号、抖音", "户外大牌、地铁灯箱", "小红书、微博、B站", "经销商大会现场、企业官网",
  "电商平台首页、直播间", "商场中庭、社区广告" };
static const char *const mandatory[] = {
  "须使用品牌标准色及LOGO规范", "所有物料须标注“广告”字样", "不得使用绝对化用语（最、第一等）",
  "产品图片须使用客户提供的官方图库", "须符合《广告法》及行业监管要求" };
static const char *const approvals[] = {
  "市场总监审批", "品牌经理初审，总经理终审", "集团品牌中心审核", "法务审核后由市场部确认" };
static const char *const style[] = { "简约高级", "活泼年轻", "国潮风", "科技感", "温馨亲和", "商务稳重" };
static const char *const format[] = { "AI/PDF源文件", "JPG+PSD分层", "MP4 1080P", "Word+PDF", "PPT+PDF" };
static const char *const revision_reason[] = {
  "客户要求调整主色调", "更换产品图片", "文案修改", "LOGO尺寸调整", "增加二维码", "价格信息更新",
  "活动日期变更", "领导意见：画面再大气一些" };
static const char *const choice_reason[] = {
  "价格最低", "交期最短", "长期合作，质量稳定", "综合性价比最高", "样品质量最好", "可提供全国配送" };
static const char *const supplier_terms[] = { "月结30天", "月结60天", "货到付款", "预付30%，验收后付清" };
static const char *const supplier_note[] = {
  "可加急，加急费10%", "质量稳定，配合度高", "旺季需提前一周排产", "可开13%专票", "有自有物流车队" };
static const char *const visit_topic[] = {
  "季度业务回顾", "新项目需求沟通", "方案提案", "物料验收反馈", "年度框架合作洽谈", "节日拜访",
  "付款事宜沟通", "新品上市计划沟通" };
static const char *const special_topic[] = {
  "特殊访问：投诉处理回访", "特殊访问：重大项目延期说明", "特殊访问：客户高层拜访", "特殊访问：合同争议协商" };
static const char *const opinion[] = {
  "对上期活动效果满意", "认为报价偏高", "希望缩短出稿周期", "对设计风格提出调整意见", "对物料质量表示认可",
  "希望增加线上传播的比重", "对执行团队的响应速度满意" };
static const char *const need[] = {
  "计划下季度新品上市，需要整合传播方案", "需要全国门店物料铺设", "年会需要舞台及LED搭建",
  "希望做一次品牌视觉升级", "需要展会特装展台", "暂无新需求，保持联系" };
static const char *const handling[] = { "已安排创意部出初稿", "已提交报价", "跟进中", "已解决", "待客户确认" };
static const char *const review_comment[] = {
  "记录完整，继续跟进", "需求要尽快转化为报价", "注意回款节奏", "下次拜访带上案例集", "已阅" };
static const char *const complaint[] = {
  "印刷品色差明显，要求返工", "物料延期交付影响活动", "设计稿多次修改仍未达到要求", "对账单金额有误",
  "现场搭建人员态度差", "礼品数量短缺" };
static const char *const praise[] = {
  "活动执行到位，获得客户领导表扬", "设计方案创意新颖", "响应迅速，周末也能及时处理", "物料质量好，交付准时" };
static const char *const resolution[] = {
  "已安排供应商重新制作并按期交付", "已向客户致歉并给予费用减免", "已更换设计师跟进", "已核对并重开对账单",
  "已内部通报，加强培训" };
static const char *const handover_reason[] = { "原客户经理离职，客户移交", "客户区域调整", "客户要求更换对接人" };
static const char *const conditional_note[] = {
  "轻微瑕疵，不影响使用，同意接收", "已现场整改", "已与供应商确认下批改进", "客户确认可以接受" };
static const char *const bank[] = {
  "中国工商银行", "中国建设银行", "中国银行", "中国农业银行", "交通银行", "招商银行", "浦发银行",
  "中信银行", "兴业银行", "民生银行", "平安银行" };
static const char *const road[] = {
  "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路", "科技路", "创业路",
  "世纪大道", "文化路", "延安路", "东方路", "金融街", "滨江大道", "南京路", "淮海路" };
static const char *const building[] = {
  "", "国际大厦12楼", "中心大厦8楼", "广场A座15楼", "科技园3号楼", "商务楼5层", "创意园B栋" };

#define LIST(a) { a, N (a) }
static const struct
{
  const char *const *items;
  guint32            n;
} lists[CD_DEMO_N_WORDS] = {
  [CD_DEMO_W_SOURCE] = LIST (source),
  [CD_DEMO_W_TITLE] = LIST (title),
  [CD_DEMO_W_NOTE] = LIST (note),
  [CD_DEMO_W_PRIVATE_NOTE] = LIST (private_note),
  [CD_DEMO_W_LOST_REASON] = LIST (lost_reason),
  [CD_DEMO_W_CANCEL_REASON] = LIST (cancel_reason),
  [CD_DEMO_W_VERSION_REASON] = LIST (version_reason),
  [CD_DEMO_W_PAYMENT_TERMS] = LIST (payment_terms),
  [CD_DEMO_W_TERMINATE_REASON] = LIST (terminate_reason),
  [CD_DEMO_W_OBJECTIVE] = LIST (objective),
  [CD_DEMO_W_AUDIENCE] = LIST (audience),
  [CD_DEMO_W_CHANNELS] = LIST (channels),
  [CD_DEMO_W_MANDATORY] = LIST (mandatory),
  [CD_DEMO_W_APPROVALS] = LIST (approvals),
  [CD_DEMO_W_STYLE] = LIST (style),
  [CD_DEMO_W_FORMAT] = LIST (format),
  [CD_DEMO_W_REVISION_REASON] = LIST (revision_reason),
  [CD_DEMO_W_CHOICE_REASON] = LIST (choice_reason),
  [CD_DEMO_W_SUPPLIER_TERMS] = LIST (supplier_terms),
  [CD_DEMO_W_SUPPLIER_NOTE] = LIST (supplier_note),
  [CD_DEMO_W_VISIT_TOPIC] = LIST (visit_topic),
  [CD_DEMO_W_SPECIAL_TOPIC] = LIST (special_topic),
  [CD_DEMO_W_OPINION] = LIST (opinion),
  [CD_DEMO_W_NEED] = LIST (need),
  [CD_DEMO_W_HANDLING] = LIST (handling),
  [CD_DEMO_W_REVIEW_COMMENT] = LIST (review_comment),
  [CD_DEMO_W_COMPLAINT] = LIST (complaint),
  [CD_DEMO_W_PRAISE] = LIST (praise),
  [CD_DEMO_W_RESOLUTION] = LIST (resolution),
  [CD_DEMO_W_HANDOVER_REASON] = LIST (handover_reason),
  [CD_DEMO_W_CONDITIONAL_NOTE] = LIST (conditional_note),
  [CD_DEMO_W_BANK] = LIST (bank),
  [CD_DEMO_W_ROAD] = LIST (road),
  [CD_DEMO_W_BUILDING] = LIST (building),
};

const char *
cd_demo_word (CdDemoRng *r, CdDemoWordList list)
{
  g_assert (list < CD_DEMO_N_WORDS && lists[list].n > 0);
  return lists[list].items[cd_demo_rng_below (r, lists[list].n)];
}
