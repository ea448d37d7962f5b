import { describe, expect, it } from "vitest";
import { peopleNames } from "../../src/search/people.js";

describe("peopleNames", () => {
  it.each([
    ["the surname of a dotted name", "副国务卿温迪‧谢尔曼说", ["谢尔曼"]],
    [
      "cut before a word that ends the name",
      "副外长谢尔盖·里亚布科夫在就乌克兰问题",
      ["里亚布科夫"],
    ],
    [
      "a dotted name with its original",
      "延斯‧斯托尔滕贝格（Jens Stoltenberg）说",
      ["斯托尔滕贝格", "jens stoltenberg"],
    ],
    [
      "a short name with its original",
      "，里亚布科夫（Sergei Ryabkov）在",
      ["里亚布科夫", "sergei ryabkov"],
    ],
    [
      "a title before the name is left out",
      "委员会主席肖马克（Marc Shaw）说",
      ["肖马克", "marc shaw"],
    ],
    [
      "a Chinese name after a title",
      "外交部发言人赵立坚（Zhao Lijian）表示",
      ["赵立坚", "zhao lijian"],
    ],
    ["another form tied outside brackets", "泽连斯基，又译泽伦斯基，表示", ["泽伦斯基"]],
    [
      "traditional script and full-width brackets",
      "國務卿布林肯（Antony Blinken）說",
      ["布林肯", "antony blinken"],
    ],
    [
      "another name tied to it",
      "谢尔曼（Wendy Sherman，又译舍曼）",
      ["谢尔曼", "wendy sherman", "舍曼"],
    ],
    ["the last of three parts", "约翰·菲茨杰拉德·肯尼迪总统", ["肯尼迪"]],
    ["nothing in plain text", "美国一名高级外交官表示", []],
  ])("%s: %s", (_case, text, names) => {
    expect(peopleNames(text).sort()).toEqual([...names].sort());
  });
});
