"""Cleaning a text before reading it: Unicode, page breaks, and the noise of web pages.

``clean(text)`` returns the text the reader works on (``Reading.text``: spans point into
it) and what the noise said about the text (a web page's dateline, counters, share
buttons are cues that it is a news article).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Old-style tone placement ("hoá", "thuỷ", "Uỷ ban") → the style the rules are written in
# ("hóa", "thủy", "Ủy ban"), only at the end of a syllable ("toán" keeps its accent).
_TONE_FIX = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
    "Oá": "Óa", "Oà": "Òa", "Oả": "Ỏa", "Oã": "Õa", "Oạ": "Ọa",
    "Uý": "Úy", "Uỳ": "Ùy", "Uỷ": "Ủy", "Uỹ": "Ũy", "Uỵ": "Ụy",
}  # fmt: skip
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_TONE_FIX) + r")(?!\w)")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# Emphasis left by conversions from Word or Markdown: **bold**, *italic*, # headings.
_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|^#{1,6}\s+", re.M)

# Whole lines that are the furniture of a news site.
_NOISE_LINE = re.compile(
    r"^(?:tin\s+khác|các\s+tin\s+khác|tin\s+liên\s+quan|bài\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục"
    r"|back\s+to\s+top|về\s+đầu\s+trang|lên\s+đầu\s+trang|quay\s+lại|trở\s+về|bình\s+luận"
    r"|phản\s+hồi|thông\s+tin\s+người\s+gửi\s+phản\s+hồi|gửi\s+phản\s+hồi|ý\s+kiến\s+bạn\s+đọc"
    r"|gửi\s+bình\s+luận|có\s+thể\s+bạn\s+quan\s+tâm|mới\s+nhất|xem\s+nhiều\s+nhất|đọc\s+nhiều\s+nhất"
    r"|tin\s+mới|tin\s+nổi\s+bật|liên\s+kết\s+website|liên\s+kết|in\s+bài\s+viết|in\s+bài|bản\s+in"
    r"|chia\s+sẻ|gửi\s+bài|gửi\s+email|thống\s+kê\s+truy\s+cập|trang\s+chủ|đăng\s+nhập|tìm\s+kiếm"
    r"|từ\s+khóa|tags?|chuyên\s+mục|video|ảnh|xem\s+thêm|đang\s+online|đang\s+truy\s+cập"
    r"|tổng\s+(?:số\s+)?(?:lượt\s+)?truy\s+cập|lượt\s+truy\s+cập|print|share|tweet|like)"
    r"\s*[:.]?\s*$",
    re.I,
)
# Lines holding share buttons, font-size switches, view counters or a dateline.
_FURNITURE = re.compile(
    r"chia\s+sẻ\s+bài\s+viết|facebook|twitter|zalo|google\+|tăng\s+tương\s+phản|giảm\s+tương\s+phản"
    r"|^a-\s+a\s+a\+|lượt\s+xem|lượt\s+đọc|in\s+bài\s+viết|cập\s+nhật\s+lúc|cập\s+nhật\s+ngày"
    r"|\(gmt\s*\+\s*7\)|^ngày\s+đăng\s*:|chuyên\s+mục\s*:|^địa\s+chỉ\s*:|điện\s+thoại\s*:|\bfax\s*:"
    r"|^giấy\s+phép\s+số|^bản\s+quyền|^copyright|^©|truy\s+cập\s*:|^(?:cổng|trang)\s+thông\s+tin\s+điện\s+tử"
    r"|^báo\s+điện\s+tử\s"
    r"|^\d{1,2}:\d{2}\s*(?:-|\||,)?\s*(?:thứ|chủ\s+nhật|\d{1,2}/\d{1,2}/\d{4})",
    re.I,
)
# Bylines: "Tác giả: …", "Nguồn: …", "Tin, ảnh: …", "Phạm Dương (b/s)".
_BYLINE = re.compile(
    r"^(?:tác\s+giả|nguồn|tin,?\s+ảnh|tin\s+và\s+ảnh|ảnh|bài\s+và\s+ảnh|bài,?\s+ảnh)\s*:.{0,80}$"
    r"|^[^\W\d_][\w\s.]{1,40}\((?:b/s|st|tổng\s+hợp|nguồn)\)\s*$",
    re.I,
)
# Visit counters: "Hôm nay : 168", "Tháng 06 : 68.837", "Năm 2024 : 481.223".
_COUNTER = re.compile(
    r"^(?:hôm\s+nay|hôm\s+qua|tuần\s+này|tuần\s+trước|tháng\s+này|tháng\s+trước|tháng\s+\d+"
    r"|năm\s+nay|năm\s+\d{4}|tất\s+cả|tổng(?:\s+số)?(?:\s+lượt)?(?:\s+truy\s+cập)?|đang\s+online"
    r"|đang\s+truy\s+cập|online|lượt\s+truy\s+cập|truy\s+cập)\s*:\s*[\d.,]+\s*$",
    re.I,
)
_ONLY_PUNCT = re.compile(r"^[\W_]+$")
# A menu: short items between bars ("Trang chủ | Thời sự | Kinh tế").
_MENU = re.compile(r"^[^|\n]{1,25}(?:\s\|\s[^|\n]{1,25}){2,}$")
# "Tin liên quan", "Tin khác": the links that follow are other articles.
_RELATED = re.compile(
    r"^(?:tin|bài)\s+(?:liên\s+quan|khác|cùng\s+chuyên\s+mục|đã\s+đưa)|^các\s+tin\s+khác"
    r"|^có\s+thể\s+bạn\s+quan\s+tâm|^xem\s+thêm|^đọc\s+thêm",
    re.I,
)
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_NEWS_CUE = re.compile(
    r"lượt\s+xem|cập\s+nhật\s+lúc|chia\s+sẻ|\(gmt|back\s+to\s+top|tin\s+khác|bình\s+luận"
    r"|thống\s+kê\s+truy\s+cập|tác\s+giả\s*:|tin,?\s+ảnh\s*:|\(b/s\)|^\d{1,2}:\d{2}|lượt\s+đọc"
    r"|ngày\s+đăng\s*:|^(?:sáng|chiều|tối|trưa|ngày|hôm\s+nay)\s+(?:nay\s+)?\(?\d{1,2}[/-]\d{1,2}\b"
    r"|^(?-i:\(?[A-ZĐ]{2,6}\)?)\s+[-–]\s",
    re.I,
)
# A line that ends a sentence or a heading; anything else may continue on the next line.
_ENDS_CLAUSE = re.compile(r"[.;:!?”\"')\]…]\s*$")
_STARTS_LOWER = re.compile(
    r"^[a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]"
)


# "a) …", "đ) …": a lettered item starts a line of its own.
_ITEM_MARK = re.compile(r"^[a-zđ][).]\s")


@dataclass
class Cleaned:
    text: str
    news_cues: int = 0  # how many lines looked like a news site's furniture
    published: str | None = None  # ISO date of a news dateline, when one was seen


def normalise(text: str) -> str:
    """Composed Unicode, one spelling of "Đ" and of tone marks, plain spaces, no emphasis."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u0110", "Đ").replace("\u00d0", "Đ").replace("\u0111", "đ")
    text = text.replace("\u00f0", "đ")  # "ð" (eth) typed for "đ"
    text = _INVISIBLE.sub("", text)
    text = _TONE_RE.sub(lambda m: _TONE_FIX[m.group(1)], text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text)


def clean(raw: str) -> Cleaned:
    """Drop the noise lines of a web page, mend lines broken by page breaks, and normalise."""
    text = normalise(raw)
    kept: list[str] = []
    seen: set[str] = set()
    news_cues = 0
    published = None
    related = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            kept.append("")
            continue
        if _NEWS_CUE.search(line):
            news_cues += 1
        if related and len(line) < 200:
            continue  # a link to another article
        related = False
        if _RELATED.match(line) and len(line) < 40:
            related = True
            news_cues += 1
            continue
        if (
            _MENU.match(line)
            or _NOISE_LINE.match(line)
            or _COUNTER.match(line)
            or _ONLY_PUNCT.match(line)
            or (len(line) < 200 and _FURNITURE.search(line))
            or _BYLINE.match(line)
        ):
            if published is None and (date := _DATE.search(line)):
                day, month, year = (int(x) for x in date.groups())
                if 1 <= month <= 12 and 1 <= day <= 31:
                    published = f"{year:04d}-{month:02d}-{day:02d}"
            continue
        # A caption repeated under a picture, or a block pasted twice.
        if len(line) < 300 and line in seen:
            continue
        seen.add(line)
        kept.append(line)
    return Cleaned(_mend(kept), news_cues, published)


def _mend(lines: list[str]) -> str:
    """Join a line cut by a page break ("…phong trào thi" / "" / "đua và…") to the next one
    when it does not end a clause and the next starts in lower case; one blank line between
    paragraphs."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        if (
            out
            and not _ENDS_CLAUSE.search(out[-1])
            and _STARTS_LOWER.match(line)
            and not _ITEM_MARK.match(line)
        ):
            out[-1] = out[-1] + " " + line
        else:
            if out and blank:
                out.append("")
            out.append(line)
        blank = False
    return "\n".join(out).strip()
