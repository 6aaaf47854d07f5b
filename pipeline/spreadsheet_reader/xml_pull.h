// A minimal, allocation-light XML pull parser for the large parts of a
// workbook (worksheets, shared strings). It works in place on the document
// text and expects input that check_xml() has already accepted (no DOCTYPE,
// bounded depth); anything malformed ends the walk with Event::Error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qd {

class XmlPull {
 public:
  enum class Event { StartElement, EndElement, Text, End, Error };

  // `xml` must outlive the parser and every view it hands out.
  explicit XmlPull(std::string_view xml) : xml_(xml) {}

  // Moves to the next event. An empty-element tag <a/> gives a StartElement
  // followed by an EndElement. Comments, processing instructions and the XML
  // declaration are skipped. A mismatched end tag or an element still open
  // at the end of the text gives Error.
  Event next();

  // The local name (without prefix) of the current start or end element.
  std::string_view local_name() const { return local_; }

  // The raw (not entity-decoded) value of the current start element's
  // attribute with local name `local`; empty view and false if absent.
  bool attr(std::string_view local, std::string_view* value) const;

  // Appends the current Text event's characters, entities decoded.
  void append_text(std::string* out) const;

  // Decodes the five predefined entities and character references in `raw`
  // and appends the result. Unknown entities are kept as written.
  static void decode(std::string_view raw, std::string* out);

 private:
  Event fail() {
    pos_ = xml_.size();
    open_.clear();
    failed_ = true;
    return Event::Error;
  }
  Event start_tag(size_t lt);

  std::string_view xml_;
  size_t pos_ = 0;
  bool pending_end_ = false;
  bool failed_ = false;
  std::string_view local_;
  std::string_view text_;
  bool text_is_cdata_ = false;
  std::vector<std::pair<std::string_view, std::string_view>> attrs_;
  std::vector<std::string_view> open_;  // qualified names of open elements
};

}  // namespace qd
