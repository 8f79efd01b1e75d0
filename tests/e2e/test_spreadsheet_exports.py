"""Spreadsheet-ready exports end to end: CSV with a semicolon, a byte-order mark and Moscow time parsed back
with Python's csv module equals the API's rows; an XLSX workbook opened with zipfile and xml.etree is checked
cell by cell (header, typed numbers, Excel dates and their style, frozen header, autofilter); `collect` writes
the same files with the same options."""
import csv
import io
import os
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

from harness import Simulator, wait_for, walk_all
from test_collect_command import collect
from test_collection import finished, start_collection

SIM_ARGS = ("--seed", "5", "--communities", "4", "--posts", "4", "--comments-mean", "6", "--long-thread-replies", "20",
            "--rps", "3")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
MOSCOW = ZoneInfo("Europe/Moscow")
COMMENT_COLUMNS = ["owner_id", "post_id", "id", "parent_id", "thread_root_id", "from_id", "author_name", "date",
                   "text", "likes", "deleted", "sentiment", "sentiment_score", "keywords", "community_name",
                   "post_excerpt", "url", "first_seen_at", "last_seen_at"]


def in_moscow(rfc3339):
    return datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).astimezone(MOSCOW)


def excel_date(rfc3339):
    """The Excel serial date of the Moscow wall-clock time."""
    local = in_moscow(rfc3339).replace(tzinfo=None)
    return (local - datetime(1899, 12, 30)).total_seconds() / 86400


def neutralized(text):
    """A cell a spreadsheet would evaluate shows with a leading apostrophe."""
    evaluates = text[:1] in ("=", "+", "-", "@", "\t", "\r") and text.strip("0123456789+-._") != ""
    return "'" + text if evaluates else text


def column_index(reference):
    letters = "".join(c for c in reference if c.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_sheet(workbook_bytes):
    """(rows as lists of (type, value, style) by column, the sheet's XML root, the styles' XML root)."""
    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]
    rows = []
    for row in sheet.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            kind, style = c.get("t", "n"), int(c.get("s", "0"))
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            elif kind == "s":
                value = shared[int(c.find("m:v", NS).text)]
            else:
                value = c.find("m:v", NS).text
            cells[column_index(c.get("r"))] = (kind, value, style)
        rows.append([cells.get(i) for i in range(max(cells) + 1)] if cells else [])
    return rows, sheet, styles


def number_format(styles, style_index):
    xf = styles.find("m:cellXfs", NS).findall("m:xf", NS)[style_index]
    format_id = xf.get("numFmtId")
    for fmt in styles.find("m:numFmts", NS).findall("m:numFmt", NS):
        if fmt.get("numFmtId") == format_id:
            return fmt.get("formatCode")
    return None


class SpreadsheetExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.truth = cls.sim.truth()
        cls.server = start_collection(cls.sim)
        groups = [c["id"] for c in cls.truth["communities"]]
        cls.task = cls.server.create_task({"groups": groups, "posts_per_group": 100})
        wait_for(lambda: finished(cls.server, cls.task["id"]), timeout=300)
        cls.comments = walk_all(cls.server, f"/api/v1/tasks/{cls.task['id']}/comments")
        cls.names = {-c["id"]: c["name"] for c in cls.truth["communities"]}
        cls.post_texts = {(p["owner_id"], p["id"]): p["text"] for p in cls.truth["posts"]}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()

    def export(self, query):
        response = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/export?{query}")
        self.assertEqual(response.status, 200, response.body[:300])
        return response

    def check_csv_rows(self, text, seen_here=True):
        """Semicolon CSV with a BOM and Moscow times parses back to exactly the API's rows."""
        self.assertTrue(text.startswith("\ufeff"))
        reader = csv.reader(io.StringIO(text[1:], newline=""), delimiter=";")
        self.assertEqual(next(reader), COMMENT_COLUMNS)
        rows = [dict(zip(COMMENT_COLUMNS, row)) for row in reader]
        self.assertTrue(self.comments)
        by_key = {(c["owner_id"], c["id"]): c for c in self.comments}
        self.assertEqual(len(rows), len(by_key))
        for row in rows:
            want = by_key[(int(row["owner_id"]), int(row["id"]))]
            self.assertEqual(row["text"], neutralized(want["text"]))
            self.assertEqual(row["author_name"], neutralized(want["author_name"] or ""))
            self.assertEqual(row["date"], in_moscow(want["date"]).isoformat())
            self.assertTrue(row["date"].endswith("+03:00"))
            self.assertEqual(row["likes"], str(want["likes"]))
            self.assertEqual(row["keywords"], " ".join(want["keywords"]))
            self.assertEqual(row["community_name"], neutralized(self.names[want["owner_id"]]))
            self.assertEqual(row["community_name"], neutralized(want["community_name"]))
            self.assertEqual(row["post_excerpt"],
                             neutralized(self.post_texts[(want["owner_id"], want["post_id"])][:100]))
            self.assertEqual(row["url"], want["url"])
            self.assertTrue(row["url"].startswith(f"https://vk.com/wall{want['owner_id']}_{want['post_id']}?reply="))
            for seen in ("first_seen_at", "last_seen_at"):  # `collect` saw the rows itself, at its own times
                self.assertTrue(row[seen].endswith("+03:00"))
                if seen_here:
                    self.assertEqual(row[seen], in_moscow(want[seen]).isoformat())

    def test_csv_with_semicolons_has_a_bom_by_default_and_parses_back(self):
        response = self.export("what=comments&format=csv&delimiter=semicolon&tz=Europe/Moscow")
        self.assertIn(".csv", response.header("Content-Disposition"))
        self.check_csv_rows(response.body.decode("utf-8"))

    def test_bom_can_be_turned_off_and_tab_separates(self):
        text = self.export("what=posts&format=csv&delimiter=tab").body.decode("utf-8")
        self.assertFalse(text.startswith("\ufeff"))
        header = text.split("\r\n")[0].split("\t")
        self.assertEqual(header[-4:], ["url", "community_name", "first_seen_at", "last_seen_at"])
        semicolon = self.export("what=posts&format=csv&delimiter=semicolon&bom=false").body.decode("utf-8")
        self.assertTrue(semicolon.startswith("owner_id;id;date;"))

    def test_xlsx_cell_by_cell(self):
        response = self.export("what=comments&format=xlsx&tz=Europe/Moscow")
        self.assertEqual(response.header("Content-Type"),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertIn(".xlsx", response.header("Content-Disposition"))
        self.check_workbook(response.body)

    def check_workbook(self, body, seen_here=True):
        rows, sheet, styles = read_sheet(body)
        self.assertEqual([cell[1] for cell in rows[0]], COMMENT_COLUMNS)
        self.assertEqual(len(rows) - 1, len(self.comments))
        # Newest first, as the list: row i + 1 is the list's item i.
        for item, row in zip(self.comments, rows[1:]):
            owner_id = row[COMMENT_COLUMNS.index("owner_id")]
            self.assertEqual(owner_id[0], "n")
            self.assertEqual(int(owner_id[1]), item["owner_id"])
            self.assertEqual(int(row[COMMENT_COLUMNS.index("id")][1]), item["id"])
            self.assertEqual(int(row[COMMENT_COLUMNS.index("likes")][1]), item["likes"])
            kind, value, style = row[COMMENT_COLUMNS.index("date")]
            self.assertEqual(kind, "n")
            self.assertAlmostEqual(float(value), excel_date(item["date"]), delta=0.5 / 86400)
            self.assertEqual(number_format(styles, style), "yyyy-mm-dd hh:mm:ss")
            self.assertEqual(row[COMMENT_COLUMNS.index("deleted")][:2], ("b", "1" if item["deleted"] else "0"))
            text = row[COMMENT_COLUMNS.index("text")]
            self.assertEqual(text[1] if text else "", neutralized(item["text"]))
            self.assertEqual(row[COMMENT_COLUMNS.index("url")][1], item["url"])
            self.assertEqual(row[COMMENT_COLUMNS.index("community_name")][1], neutralized(item["community_name"]))
            for seen in ("first_seen_at", "last_seen_at"):
                kind, value, style = row[COMMENT_COLUMNS.index(seen)]
                self.assertEqual(kind, "n")
                if seen_here:
                    self.assertAlmostEqual(float(value), excel_date(item[seen]), delta=0.5 / 86400)
        pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
        self.assertEqual((pane.get("ySplit"), pane.get("topLeftCell"), pane.get("state")), ("1", "A2", "frozen"))
        last_column = chr(ord("A") + len(COMMENT_COLUMNS) - 1)
        self.assertEqual(sheet.find("m:autoFilter", NS).get("ref"), f"A1:{last_column}{len(rows)}")

    def test_unknown_options_are_refused_by_name(self):
        for query, field in (("tz=Mars/Olympus", "tz"), ("delimiter=pipe", "delimiter"), ("format=xls", "format"),
                             ("bom=yes", "bom")):
            response = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/export?{query}")
            self.assertEqual(response.status, 400, query)
            error = response.json()["error"]
            self.assertEqual(error["code"], "validation_failed")
            self.assertEqual([d["field"] for d in error["details"]], [field])

    def test_collect_writes_the_same_files(self):
        directory = tempfile.mkdtemp(prefix="vka-e2e-exports-")
        database = f"{directory}/collect.db"
        groups = [str(c["id"]) for c in self.truth["communities"]]
        output = f"{directory}/comments.csv"
        run = collect(self.sim, database, *groups, "--posts-per-group", "100", "--format", "csv",
                      "--delimiter", "semicolon", "--tz", "Europe/Moscow", "--output", output)
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(output, encoding="utf-8", newline="") as f:
            self.check_csv_rows(f.read(), seen_here=False)
        workbook = f"{directory}/comments.xlsx"
        run = collect(self.sim, database, *groups, "--posts-per-group", "100", "--format", "xlsx",
                      "--tz", "Europe/Moscow", "--output", workbook, "--no-refresh")
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(workbook, "rb") as f:
            self.check_workbook(f.read(), seen_here=False)
        run = collect(self.sim, database, *groups, "--tz", "Nowhere/Else")
        self.assertEqual(run.returncode, 2)
        self.assertIn("--tz: must be an IANA time zone", run.stderr)
        os.remove(output)
        os.remove(workbook)


if __name__ == "__main__":
    unittest.main()
