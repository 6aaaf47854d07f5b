#include "ingest/number_cells.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(NumberCells, CountsMayBeNumbers) {
  const CodeScheme national = national_scheme();
  for (const char* n : {"0", "1", "2", "3"}) EXPECT_EQ(judge_number_cell(El::Visits, n, national), NumberCell::Fine);
  EXPECT_EQ(judge_number_cell(El::Window, "5", national), NumberCell::Fine);
  // Columns kept as numbers anyway (办结时限 …) are not this rule's business.
  EXPECT_EQ(judge_number_cell(El::LegalLimit, "20", national), NumberCell::Fine);
}

TEST(NumberCells, PhonesLoseTheirAreaCodesZero) {
  const CodeScheme national = national_scheme();
  EXPECT_EQ(judge_number_cell(El::ConsultPhone, "3136523034", national), NumberCell::DigitsLost);
  EXPECT_EQ(judge_number_cell(El::ComplaintPhone, "1065123456", national), NumberCell::DigitsLost);  // 010
  EXPECT_EQ(judge_number_cell(El::ConsultPhone, "13831312345", national), NumberCell::Intact);  // mobile
  EXPECT_EQ(judge_number_cell(El::ConsultPhone, "4008123123", national), NumberCell::Intact);
  EXPECT_EQ(judge_number_cell(El::ConsultPhone, "12345", national), NumberCell::Intact);
  EXPECT_EQ(judge_number_cell(El::ConsultPhone, "6521226", national), NumberCell::Intact);  // PHONE: no area code
}

TEST(NumberCells, CodesLoseLeadingZerosDigitsPastTheFifteenthOrTheirForm) {
  const CodeScheme national = national_scheme();
  // 000117051000 typed as a number: 117051000.
  EXPECT_EQ(judge_number_cell(El::BasicCode, "117051000", national), NumberCell::DigitsLost);
  // A provincially catalogued 13… code keeps its 12 digits.
  EXPECT_EQ(judge_number_cell(El::BasicCode, "132005999999", national), NumberCell::Intact);
  EXPECT_EQ(judge_number_cell(El::AgencyCode, "1.1130731402547302e+17", national), NumberCell::DigitsLost);
  EXPECT_EQ(judge_number_cell(El::AgencyCode, "111307314046418750", national), NumberCell::DigitsLost);
  EXPECT_EQ(judge_number_cell(El::ImplCode, "1.11307314046418E+30", national), NumberCell::DigitsLost);
  EXPECT_EQ(judge_number_cell(El::BasicCode, "1234567890123456", national), NumberCell::DigitsLost);
  EXPECT_EQ(judge_number_cell(El::BasicCode, "0.5", national), NumberCell::DigitsLost);

  // A province whose 基本编码 have 10–14 characters: 10 digits are intact.
  CodeScheme province;
  province.provincial = true;
  std::string why;
  ASSERT_TRUE(make_code_rule(10, 14, "", &province.basic, &why)) << why;
  ASSERT_TRUE(make_code_rule(29, 33, "", &province.impl, &why)) << why;
  EXPECT_EQ(judge_number_cell(El::BasicCode, "5110200001", province), NumberCell::Intact);
  EXPECT_EQ(judge_number_cell(El::BasicCode, "511020001", province), NumberCell::DigitsLost);
}

}  // namespace
}  // namespace qd
