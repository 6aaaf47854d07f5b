#include "spreadsheet_reader/xml_pull.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

using E = XmlPull::Event;

TEST(XmlPull, WalksElementsAttributesAndText) {
  XmlPull p("<?xml version=\"1.0\"?><x:a k='v&amp;w' x:r=\"1\"><!-- c --><b/>t&lt;&#x4E2D;&#20013;<![CDATA[<&>]]></x:a>");
  ASSERT_EQ(p.next(), E::StartElement);
  EXPECT_EQ(p.local_name(), "a");
  std::string_view v;
  ASSERT_TRUE(p.attr("k", &v));
  EXPECT_EQ(v, "v&amp;w");
  ASSERT_TRUE(p.attr("r", &v));
  EXPECT_EQ(v, "1");
  EXPECT_FALSE(p.attr("z", &v));
  ASSERT_EQ(p.next(), E::StartElement);
  EXPECT_EQ(p.local_name(), "b");
  ASSERT_EQ(p.next(), E::EndElement);
  EXPECT_EQ(p.local_name(), "b");
  std::string text;
  ASSERT_EQ(p.next(), E::Text);
  p.append_text(&text);
  ASSERT_EQ(p.next(), E::Text);
  p.append_text(&text);
  EXPECT_EQ(text, "t<中中<&>");
  ASSERT_EQ(p.next(), E::EndElement);
  EXPECT_EQ(p.local_name(), "a");
  EXPECT_EQ(p.next(), E::End);
}

TEST(XmlPull, RejectsMalformed) {
  for (const char* bad : {"<a><b></a></b>", "<a>", "<a x=1/>", "<a x='1/>", "<!DOCTYPE a><a/>", "<a></b>",
                          "< a/>", "<a/", "<a><!-- x</a>"}) {
    XmlPull p(bad);
    E e;
    int guard = 0;
    do e = p.next();
    while (e != E::End && e != E::Error && ++guard < 100);
    EXPECT_EQ(e, E::Error) << bad;
  }
}

TEST(XmlPull, DecodesEntities) {
  std::string out;
  XmlPull::decode("&quot;&apos;&gt;&#0;&#xD800;&#x110000;&unknown;&", &out);
  EXPECT_EQ(out, "\"'>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&unknown;&");
}

}  // namespace
}  // namespace qd
