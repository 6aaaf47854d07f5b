// MATERIALS-NONE, MATERIAL-SHARED and PROCESS-STEPS: the 申请材料 and
// 办理流程 sub-tables of an item.
#include "validate/rules.h"

namespace qd::vrules {

namespace {

// True if `text` contains any of `words`.
bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// Materials: at least one row; every material issued by a government
// department is a data-sharing candidate (hint).
void check_materials(Catalog& c, Item& item) {
  if (item.materials.empty()) {
    add(c, item, item.at, "MATERIALS-NONE", Severity::Error,
        "本事项在“申请材料”工作表中没有材料：请逐项填写申请材料；确实无需材料的，请填写一行并在“材料名称”中注明“无需提交材料”。");
    return;
  }
  for (const Material& m : item.materials) {
    const CodeValue* src = material_sources().find(m.source.text);
    if (!src || src->label != "政府部门核发") continue;
    std::string who = trim(m.source_note.text);
    add(c, item, place_of(m.source, m.at), "MATERIAL-SHARED", Severity::Hint,
        "申请材料" + q(trim(m.title.text)) + "由政府部门核发" + (who.empty() ? "" : "（" + who + "）") +
            "，建议通过数据共享获取，不再要求申请人提交（减材料）。");
  }
}

// Steps: at least one; a 行政许可 needs 受理, 审查, 决定 and 送达/办结; an
// 即办件 must be done the same day, so no step may take a day or more.
void check_process(Catalog& c, Item& item) {
  if (item.steps.empty()) {
    add(c, item, item.at, "PROCESS-STEPS", Severity::Error,
        "本事项在“办理流程”工作表中没有办理环节：请按办理顺序逐步填写环节名称、办理人员、办理时限等。");
    return;
  }
  if (item.type_code() == "01") {
    bool accept = false, review = false, decide = false, deliver = false;
    for (const Step& s : item.steps) {
      const std::string& n = s.step.text;
      accept = accept || contains_any(n, {"受理"});
      review = review || contains_any(n, {"审查", "审核"});
      decide = decide || contains_any(n, {"决定", "审批", "批准"});
      deliver = deliver || contains_any(n, {"送达", "办结", "发证", "颁证", "领证"});
    }
    std::string lacking;
    auto need = [&](bool have, std::string_view what) {
      if (have) return;
      if (!lacking.empty()) lacking += "、";
      lacking += what;
    };
    need(accept, "受理");
    need(review, "审查");
    need(decide, "决定");
    need(deliver, "送达（办结）");
    if (!lacking.empty())
      add(c, item, item.at, "PROCESS-STEPS", Severity::Error,
          "行政许可事项的“办理流程”缺少" + lacking +
              "环节：行政许可应当包括受理、审查、决定、送达（办结）等环节，请补全。");
  }
  if (code_of(item, El::CaseType) == "1") {
    for (const Step& s : item.steps) {
      std::optional<Limit> l = parse_limit(s.limit.text);
      if (!l || l->unit == LimitUnit::Instant || l->unit == LimitUnit::None) continue;
      add(c, item, place_of(s.limit, s.at), "PROCESS-STEPS", Severity::Error,
          "本事项为即办件，但环节" + q(trim(s.step.text)) + "的“办理时限”为" + q(trim(s.limit.text)) +
              "：即办件应在受理当场办结，请改为“即办”，或把办件类型改为承诺件。");
      break;
    }
  }
}

}  // namespace

// The sub-table rules of one item.
void check_subtables(Catalog& c, Item& item) {
  check_materials(c, item);
  check_process(c, item);
}

}  // namespace qd::vrules
