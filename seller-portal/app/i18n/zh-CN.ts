/** Simplified Chinese, the default language. Every other language must have exactly these keys. */
export const zhCN = {
  app: {
    name: "田园 · 村务与合作社",
    tagline: "农户、合作社和村里办事的地方",
  },
  languageSwitch: {
    label: "切换语言",
    // Named in the language it switches to, so a reader of that language can find it.
    target: "English",
  },
  footer: {
    about: "田园是一个开源的乡村合作社市场和村务公开平台。",
  },
  home: {
    title: "欢迎来到田园门户",
    intro: "这里是村里人自己的工作台：卖农产品、管合作社、公开村务、反映问题，都在一个地方。",
    audienceTitle: "这个门户为谁服务",
    farmer: {
      title: "农户",
      body: "用手机拍照上架自家的农产品，随时改价格和库存，看到自己卖了多少。",
    },
    coopManager: {
      title: "合作社负责人",
      body: "管理社员农户、订单和装箱单，安排自提点和发货，处理退款，核对结算。",
    },
    official: {
      title: "村干部和乡镇干部",
      body: "查看全村（或整个片区）的农产品销售收入，发布通知和预警，公开村务财务，回复书记信箱。",
    },
    villager: {
      title: "村民",
      body: "看村里的通知，给书记写信，上报灾情和损坏，回复安全报平安。",
    },
    backendUp: "后台服务运行正常。",
    backendDown: "暂时连不上后台服务，请稍后再试。",
  },
  errors: {
    notFoundTitle: "找不到这个页面",
    notFoundBody: "这个地址可能写错了，或者页面已经不在了。",
    serverTitle: "出了点问题",
    serverBody: "页面没能打开，请稍后再试。",
    backHome: "回到首页",
  },
};

export type Translation = typeof zhCN;
