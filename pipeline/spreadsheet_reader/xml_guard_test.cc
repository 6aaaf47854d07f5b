#include "spreadsheet_reader/xml_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace qd {
namespace {

TEST(XmlGuard, AcceptsOrdinaryXml) {
  EXPECT_EQ(check_xml("<?xml version=\"1.0\"?><a x='>'><!-- c --><b/><![CDATA[<x>]]>t</a>", 8, 100),
            XmlGuardResult::Ok);
}

TEST(XmlGuard, RejectsDoctypeAndEntities) {
  EXPECT_EQ(check_xml("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><a/>", 8, 100),
            XmlGuardResult::Doctype);
  EXPECT_EQ(check_xml("<a><!ENTITY x \"y\"></a>", 8, 100), XmlGuardResult::Doctype);
}

TEST(XmlGuard, RejectsDeepNesting) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  EXPECT_EQ(check_xml(deep, 64, 100), XmlGuardResult::TooDeep);
  std::string ok;
  for (int i = 0; i < 64; ++i) ok += "<a>";
  for (int i = 0; i < 64; ++i) ok += "</a>";
  EXPECT_EQ(check_xml(ok, 64, 100), XmlGuardResult::Ok);
}

TEST(XmlGuard, RejectsLongTextAndBrokenMarkup) {
  EXPECT_EQ(check_xml("<a>" + std::string(200, 'x') + "</a>", 8, 100), XmlGuardResult::TextTooLong);
  EXPECT_EQ(check_xml("<a><![CDATA[" + std::string(200, 'x') + "]]></a>", 8, 100),
            XmlGuardResult::TextTooLong);
  EXPECT_EQ(check_xml("<a", 8, 100), XmlGuardResult::Broken);
  EXPECT_EQ(check_xml("<a><!-- x", 8, 100), XmlGuardResult::Broken);
  EXPECT_EQ(check_xml("</a>", 8, 100), XmlGuardResult::Broken);
}

}  // namespace
}  // namespace qd
