"""`POST /api/v1/analyze` and `vk-analytics analyze` against the real binary: the same verdicts,
the documented fields and language values, negative forms found."""
import json
import subprocess
import unittest

from harness import BINARY, Server

TEXTS = [
    "ВЕРНИТЕ ДЕНЬГИ!!! третий день без воды",
    "х**ня какая-то",
    "ну спасибо, очень помогли 🙄",
    "отличный концерт, спасибо организаторам",
    "а во сколько начало?",
    "Дякую, це дуже цікаво",
    "Гэта вельмі добра, дзякуй",
    "это был best день ever",
]


class AnalyzeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def api(self, texts):
        response = self.server.request("POST", "/api/v1/analyze", {"texts": texts})
        self.assertEqual(response.status, 200, response.body)
        return response.json()["data"]

    def cli(self, texts):
        run = subprocess.run([BINARY, "analyze"], input="".join(t + "\n" for t in texts), capture_output=True,
                             text=True, timeout=60, env=self.server.env)
        self.assertEqual(run.returncode, 0, run.stderr)
        return [json.loads(line) for line in run.stdout.splitlines()]

    def test_scores_are_plain_decimals_as_in_csv(self):
        run = subprocess.run([BINARY, "analyze"], input="".join(t + "\n" for t in TEXTS), capture_output=True,
                             text=True, timeout=60, env=self.server.env)
        api = self.server.request("POST", "/api/v1/analyze", {"texts": TEXTS}).body.decode()
        for text in (run.stdout, api):
            self.assertIn('"sentiment_score":0,', text, "a neutral text scores 0, not 0E0")
            self.assertNotRegex(text, r'"(sentiment_score|confidence|score)":-?\d+(\.\d+)?[eE]')
            self.assertRegex(text, r'"sentiment_score":-0\.\d+,')

    def test_cli_and_api_give_the_same_verdicts(self):
        self.assertEqual(self.cli(TEXTS), self.api(TEXTS))

    def test_fields_and_values(self):
        items = self.api(TEXTS)
        for item in items:
            self.assertEqual(set(item), {"sentiment", "sentiment_score", "confidence", "sentiment_supported", "keywords",
                                         "keyword_scores", "phrases", "language"})
            self.assertTrue(-1 <= item["sentiment_score"] <= 1)
            self.assertTrue(0 <= item["confidence"] <= 1)
            self.assertTrue(all(isinstance(k, str) for k in item["keywords"]))
            self.assertEqual([k["keyword"] for k in item["keyword_scores"]], item["keywords"])
        self.assertEqual([i["language"] for i in items], ["ru", "ru", "ru", "ru", "ru", "uk", "be", "mixed"])
        self.assertEqual([i["sentiment"] for i in items[:4]], ["negative", "negative", "negative", "positive"])
        self.assertEqual(items[4]["sentiment"], "neutral")
        for item in items[5:7]:
            self.assertFalse(item["sentiment_supported"])
            self.assertEqual((item["sentiment"], item["sentiment_score"], item["confidence"]), ("neutral", 0, 0))
        self.assertIn("третий день", items[0]["phrases"])


if __name__ == "__main__":
    unittest.main()
