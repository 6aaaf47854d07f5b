// The Chinese messages the spreadsheet readers give for whole-file problems,
// in one place so that every reader words the same problem the same way.
#pragma once

#include <cstddef>
#include <string>

namespace qd::sheet_msg {

inline constexpr const char* kEmptyFile =
    "无法读取：文件为空（0 字节）。请重新保存后再报送。";
inline constexpr const char* kNotZip =
    "无法读取：该文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或是其他格式。"
    "请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。";
inline constexpr const char* kTruncated =
    "无法读取：文件不完整或已损坏（可能在复制或传输中被截断）。"
    "请重新保存或重新下载后再报送。";
inline constexpr const char* kDamaged =
    "无法读取：工作簿内部数据已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。";
inline constexpr const char* kOldXls =
    "无法读取：该文件是旧版 Excel 97-2003 格式（.xls）。"
    "请用 Excel 或 WPS 打开后另存为 .xlsx（Excel 工作簿）再报送。";
inline constexpr const char* kEncrypted =
    "无法读取：该文件设置了打开密码（已加密）。"
    "请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再报送。";
inline constexpr const char* kOds =
    "无法读取：该文件是 OpenDocument 表格（.ods），不是 .xlsx。"
    "请用 WPS 或 LibreOffice 另存为 .xlsx（Excel 工作簿）再报送。";
inline constexpr const char* kFileTooBig =
    "无法读取：文件过大，已拒绝读取。请删除无关的工作表、图片后重新保存再报送。";
inline constexpr const char* kBomb =
    "无法读取：文件解压后过大（压缩比异常），已拒绝读取。"
    "该文件可能已损坏或被恶意构造，请重新填写模板后另存为 .xlsx 再报送。";
inline constexpr const char* kContentTooBig =
    "无法读取：工作簿内容解压后过大，远超一个部门清单所需，已拒绝读取。"
    "请删除无关的工作表和误粘贴的大量内容后重新保存再报送。";
inline constexpr const char* kTooManyEntries =
    "无法读取：工作簿内部部件数量异常，已拒绝读取。请另存为 .xlsx 后再报送。";
inline constexpr const char* kXmlBomb =
    "无法读取：工作簿内部含有不允许的 XML 声明（DOCTYPE/ENTITY），"
    "可能被恶意构造，已拒绝读取。请重新填写模板后另存为 .xlsx 再报送。";
inline constexpr const char* kXmlTooDeep =
    "无法读取：工作簿内部 XML 嵌套层数过深，可能被恶意构造，已拒绝读取。"
    "请重新填写模板后另存为 .xlsx 再报送。";
inline constexpr const char* kXmlBroken =
    "无法读取：工作簿内部 XML 格式错误，文件可能已损坏。"
    "请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。";
inline constexpr const char* kNoWorkbook =
    "无法读取：文件中找不到工作簿内容（缺少 workbook.xml），不是完整的 Excel 工作簿。"
    "请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。";

// The message for a cell over `limit` code points.
inline std::string cell_too_long(size_t limit) {
  return "单元格内容超过 " + std::to_string(limit) +
         " 个字符（Excel 单元格的上限），已拒绝读取该文件。"
         "请检查该单元格是否误粘贴了大量内容，删除后重新保存再报送。";
}

}  // namespace qd::sheet_msg
