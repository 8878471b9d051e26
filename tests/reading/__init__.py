"""Reading launch documents (issue 4): the labelled texts, their gold labels and the scorer.

``texts/seed_00N.txt`` are the five real texts, verbatim (website noise included);
``texts/own_NNN.txt`` are texts written for the set to cover what the seeds lack. Each has
its answer key ``gold/<same name>.json``, written by hand before the reader was tuned, in the
schema of ``Reading.to_json()`` (targets without ``raw``/``start``/``end``). Two extra keys
are allowed: ``_note`` (why a label is what it is) and ``_alternatives`` (equally correct
spellings of a field, e.g. a block named with and without "thi đua").

How the texts were labelled:

* doc_type is the genre of the text itself: a news article about a directive is ``tin_bai``;
  a giao ước or a chương trình is ``khac``.
* issuer is the body that launches (UBND tỉnh X, Sở Y tế tỉnh X, Khối thi đua…, Bộ…), with
  its locality when the text names it; the chairman who speaks or signs is the signer, never
  the journalist. year is the year the movement is for (a plan signed in December for next
  year's campaign has next year); a multi-year movement has its first year. document_number
  and signed_on are those of the launch document, null when blank ("Số: /CT-UBND").
* theme is what the text calls chủ đề; motto what it calls phương châm or khẩu hiệu; a named
  movement ("Doanh nghiệp Cần Thơ chuyển đổi số") is in the title, not the theme.
* contents: one entry per item of the list of contents (numbered, lettered, "Một là", "Thứ
  nhất", dashes, or paragraphs after "…các nội dung chủ yếu sau:"); the organisation section
  (Tổ chức thực hiện), purposes (Mục đích, yêu cầu) and awards are not contents; a list run
  inside one sentence is not itemised.
* targets: a quantity the movement aims at. Not targets: dates, document numbers,
  anniversaries, congress numbers, counts of contents or criteria, past results, award
  quotas ("Bằng khen cho không quá 20 tập thể"), headline roundings, counters. A number
  without a numeric value ("tỷ lệ che phủ rừng đạt" cut off) is not a target.
* comparator: đạt / ước đạt → dat; khoảng → khoang; trên → tren; dưới → duoi; ít nhất, tối
  thiểu, không dưới, không thấp hơn, từ … trở lên → toi_thieu; không quá, "giảm … xuống
  (còn)" → khong_qua (the value is the level to get down to); tăng → tang and giảm / cắt giảm
  → giam (the value is the change; a qualifier such as "tăng từ 8% trở lên" or "giảm trên 5%"
  keeps tang/giam). No such word ("92% số hộ…", "phấn đấu 100%…", "có thêm 4 xã", "Duy trì
  bình quân") → null. "đạt" inside the indicator ("trường đạt chuẩn quốc gia 59,1%") is not
  a comparator. "…, tăng 19,46% so với năm 2021" after a target is a second target (tang)
  with that reference.
* units as written, lightly normalised, classifier and noun together ("lượt khách", "căn
  nhà", "suất quà"); the scale word may stay in the unit ("3,2 triệu lượt khách"), the scorer
  folds it. Ranges give value and value_max; composite amounts are folded ("12.739 tỷ 600
  triệu đồng" → 12739.6 tỷ đồng).
* indicators are the short subject of the target, so that the ≥ 50 % content-word overlap
  rule of ``thidua.reading.evaluate`` means "names the same thing".
"""
