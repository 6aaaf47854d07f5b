// The booklet template (templates/guide.xml): page, text styles, table and
// flow-chart settings and the fields of the field table.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "layout/flow.h"
#include "model/elements.h"

namespace qd {

struct GuideField {
  El element;
  std::string label;
};

struct GuideTemplate {
  layout::Frame frame;
  layout::TextStyle title{Role::Title, 22, 34, 0, 12};
  layout::TextStyle heading1{Role::Heading1, 16, 28.95, 8, 2};
  layout::TextStyle heading2{Role::Heading2, 16, 28.95, 2, 0};
  layout::TextStyle body{Role::Body, 16, 28.95, 0, 0, 2, -0.21};
  layout::TextStyle field_label{Role::Heading1, 12, 19};
  layout::TextStyle field_value{Role::Body, 12, 19};
  layout::TextStyle table{Role::Body, 10.5, 16};
  layout::TextStyle table_header{Role::Heading1, 10.5, 16};
  layout::TextStyle table_note{Role::Heading2, 9, 16};  // a material's note under its name
  layout::TextStyle flow_name{Role::Heading1, 12, 17};
  layout::TextStyle flow_note{Role::Body, 10.5, 15};
  layout::TextStyle cover_county{Role::Heading1, 26, 40};
  layout::TextStyle cover_department{Role::Title, 26, 40};
  layout::TextStyle cover_title{Role::Title, 42, 60};
  layout::TextStyle cover_version{Role::Body, 16, 28.95};
  layout::TextStyle contents_title{Role::Title, 22, 34, 0, 16};
  layout::TextStyle contents_department{Role::Heading1, 14, 26, 6};
  layout::TextStyle contents_entry{Role::Body, 14, 24};
  layout::TextStyle department_title{Role::Title, 26, 40};
  layout::TextStyle page_number{Role::Number, 14, 14};
  layout::TextStyle footer{Role::Body, 10.5, 14};
  double label_width = 1, value_width = 3.6;
  int flow_columns = 4;
  std::vector<GuideField> fields;

  // The defaults (GB/T 9704 page, the §8 fields).
  static GuideTemplate defaults();
};

// Reads a template; errors name the file and line, in Chinese.
Result<GuideTemplate> read_guide_template(const std::string& path);

}  // namespace qd
