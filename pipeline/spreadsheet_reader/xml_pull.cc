#include "spreadsheet_reader/xml_pull.h"

#include <cstring>

#include "base/text.h"

namespace qd {

namespace {

// A hard nesting cap for callers that skipped check_xml().
constexpr size_t kMaxDepth = 1024;

// True for XML white space.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True for characters that end a tag or attribute name.
bool ends_name(char c) { return is_space(c) || c == '=' || c == '>' || c == '/' || c == '<'; }

// The part of a qualified name after its prefix.
std::string_view strip_prefix(std::string_view name) {
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

XmlPull::Event XmlPull::next() {
  if (failed_) return Event::Error;
  if (pending_end_) {
    pending_end_ = false;
    open_.pop_back();
    return Event::EndElement;
  }
  for (;;) {
    if (pos_ >= xml_.size()) return open_.empty() ? Event::End : fail();
    if (xml_[pos_] != '<') {
      size_t lt = xml_.find('<', pos_);
      if (lt == std::string_view::npos) lt = xml_.size();
      text_ = xml_.substr(pos_, lt - pos_);
      text_is_cdata_ = false;
      pos_ = lt;
      return Event::Text;
    }
    std::string_view rest = xml_.substr(pos_);
    if (rest.size() < 2) return fail();
    char c = rest[1];
    if (c == '?') {
      size_t e = xml_.find("?>", pos_ + 2);
      if (e == std::string_view::npos) return fail();
      pos_ = e + 2;
      continue;
    }
    if (c == '!') {
      if (rest.substr(0, 4) == "<!--") {
        size_t e = xml_.find("-->", pos_ + 4);
        if (e == std::string_view::npos) return fail();
        pos_ = e + 3;
        continue;
      }
      if (rest.substr(0, 9) == "<![CDATA[") {
        size_t e = xml_.find("]]>", pos_ + 9);
        if (e == std::string_view::npos) return fail();
        text_ = xml_.substr(pos_ + 9, e - pos_ - 9);
        text_is_cdata_ = true;
        pos_ = e + 3;
        return Event::Text;
      }
      return fail();  // DOCTYPE and friends are refused
    }
    if (c == '/') {
      size_t e = xml_.find('>', pos_ + 2);
      if (e == std::string_view::npos) return fail();
      std::string_view name = xml_.substr(pos_ + 2, e - pos_ - 2);
      while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
      if (open_.empty() || open_.back() != name) return fail();
      open_.pop_back();
      local_ = strip_prefix(name);
      pos_ = e + 1;
      return Event::EndElement;
    }
    return start_tag(pos_);
  }
}

XmlPull::Event XmlPull::start_tag(size_t lt) {
  size_t i = lt + 1;
  const size_t n = xml_.size();
  size_t name_start = i;
  while (i < n && !ends_name(xml_[i])) ++i;
  if (i == name_start || i >= n) return fail();
  std::string_view qname = xml_.substr(name_start, i - name_start);
  local_ = strip_prefix(qname);
  if (open_.size() >= kMaxDepth) return fail();
  open_.push_back(qname);
  attrs_.clear();
  for (;;) {
    while (i < n && is_space(xml_[i])) ++i;
    if (i >= n) return fail();
    if (xml_[i] == '>') {
      pos_ = i + 1;
      return Event::StartElement;
    }
    if (xml_[i] == '/') {
      if (i + 1 >= n || xml_[i + 1] != '>') return fail();
      pos_ = i + 2;
      pending_end_ = true;
      return Event::StartElement;
    }
    size_t an = i;
    while (i < n && !ends_name(xml_[i])) ++i;
    if (i == an) return fail();
    std::string_view aname = xml_.substr(an, i - an);
    while (i < n && is_space(xml_[i])) ++i;
    if (i >= n || xml_[i] != '=') return fail();
    ++i;
    while (i < n && is_space(xml_[i])) ++i;
    if (i >= n || (xml_[i] != '"' && xml_[i] != '\'')) return fail();
    char q = xml_[i++];
    size_t vend = xml_.find(q, i);
    if (vend == std::string_view::npos) return fail();
    attrs_.emplace_back(strip_prefix(aname), xml_.substr(i, vend - i));
    i = vend + 1;
  }
}

bool XmlPull::attr(std::string_view local, std::string_view* value) const {
  for (const auto& [k, v] : attrs_) {
    if (k == local) {
      *value = v;
      return true;
    }
  }
  *value = {};
  return false;
}

void XmlPull::append_text(std::string* out) const {
  if (text_is_cdata_) {
    out->append(text_);
  } else {
    decode(text_, out);
  }
}

void XmlPull::decode(std::string_view raw, std::string* out) {
  size_t i = 0;
  while (i < raw.size()) {
    size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(raw.substr(i));
      return;
    }
    out->append(raw.substr(i, amp - i));
    size_t semi = raw.find(';', amp + 1);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out->push_back('&');
      i = amp + 1;
      continue;
    }
    std::string_view ent = raw.substr(amp + 1, semi - amp - 1);
    i = semi + 1;
    if (ent == "lt") out->push_back('<');
    else if (ent == "gt") out->push_back('>');
    else if (ent == "amp") out->push_back('&');
    else if (ent == "quot") out->push_back('"');
    else if (ent == "apos") out->push_back('\'');
    else if (ent.size() >= 2 && ent[0] == '#') {
      unsigned long cp = 0;
      bool hex = ent[1] == 'x' || ent[1] == 'X';
      std::string_view digits = ent.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char d : digits) {
        int v;
        if (d >= '0' && d <= '9') v = d - '0';
        else if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        else { ok = false; break; }
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
        if (cp > 0x10FFFF) { ok = false; break; }
      }
      if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
      utf8_append(*out, static_cast<char32_t>(cp));
    } else {
      out->append(raw.substr(amp, semi + 1 - amp));  // unknown: keep as written
    }
  }
}

}  // namespace qd
