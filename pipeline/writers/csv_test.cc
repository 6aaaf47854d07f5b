#include "writers/csv.h"

#include <gtest/gtest.h>

namespace qd::csv {
namespace {

TEST(Csv, FormulaTriggersGetAnApostrophe) {
  for (const char* s : {"=HYPERLINK(\"http://x\",\"点击\")", "+1+1", "-持有效身份证件", "@SUM(A1)",
                        "\t=1", "\r=1", "=", "-"}) {
    EXPECT_TRUE(formula_like(s)) << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Text), "'" + std::string(s)) << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Code), "'" + std::string(s)) << s;
  }
  for (const char* s : {"", "受理条件", "1=1", "a-b", "《办法》第=条", " =1", "＝1", "'=1"}) {
    EXPECT_FALSE(formula_like(s)) << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Text), s);
  }
}

TEST(Csv, NumberLikeCodesEndInATab) {
  for (const char* s : {"0", "000117051000", "1113073140464187504000117051000", "1.5", "1.", ".5",
                        "0001170E1000", "12e+5", "3E-2"}) {
    EXPECT_TRUE(number_like(s)) << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Code), std::string(s) + "\t") << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Text), s) << "only code columns: " << s;
  }
  for (const char* s : {"", ".", "E5", "1E", "1E+", "1.2.3", "0313-6521234", "11440232MB2D06811W",
                        "0001170EA000", "1 2", "１２３"}) {
    EXPECT_FALSE(number_like(s)) << s;
    EXPECT_EQ(spreadsheet_text(s, Column::Code), s) << s;
  }
}

TEST(Csv, QuotesPerRfc4180) {
  EXPECT_EQ(quote("plain"), "plain");
  EXPECT_EQ(quote("a,b"), "\"a,b\"");
  EXPECT_EQ(quote("说\"明\""), "\"说\"\"明\"\"\"");
  EXPECT_EQ(quote("一\n二"), "\"一\n二\"");
  EXPECT_EQ(quote("一\r二"), "\"一\r二\"");
  EXPECT_EQ(quote("0313\t"), "\"0313\t\"");
}

TEST(Csv, RowAppliesKindsThenQuotes) {
  EXPECT_EQ(row({"=A1,B1", "000117051000", "000117051000", "x"}, {Column::Text, Column::Code}),
            "\"'=A1,B1\",\"000117051000\t\",000117051000,x\r\n");
  EXPECT_EQ(row({}), "\r\n");
}

}  // namespace
}  // namespace qd::csv
