"""Sharper queries end to end: sorting by score, score bounds, exact totals, the post filter, analytics of
any selection and the refusal of unknown query parameters, each compared with the truth: the simulator's
data for what VK holds, the unfiltered listing for what the server's analysis adds (scores, labels)."""
import json
import re
import unittest
import urllib.parse

from harness import Simulator, wait_for, walk_all
from test_collection import expected_rows, finished, start_collection, task_over_everything

SIM_ARGS = ("--seed", "23", "--communities", "4", "--posts", "8", "--comments-mean", "15",
            "--long-thread-replies", "30", "--rps", "20")


def key(row):
    return row["owner_id"], row["id"]


def score(row):
    """How the score sort places a comment: one without a score as 0."""
    return row["sentiment_score"] if row["sentiment_score"] is not None else 0


class QueriesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.truth = cls.sim.truth()
        cls.server = start_collection(cls.sim, VKA_VK_RPS="20")
        cls.task = task_over_everything(cls.server, cls.truth)["id"]
        done = wait_for(lambda: finished(cls.server, cls.task), timeout=300)
        assert done["status"].startswith("completed"), done
        cls.posts, cls.comments = expected_rows(cls.truth)
        cls.all = walk_all(cls.server, f"/api/v1/tasks/{cls.task}/comments")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()

    def get(self, path):
        return self.server.request("GET", f"/api/v1/tasks/{self.task}/{path}")

    def walk(self, path, limit=1000):
        return walk_all(self.server, f"/api/v1/tasks/{self.task}/{path}", limit)

    def test_the_reference_listing_is_the_truth(self):
        self.assertEqual({key(c) for c in self.all}, set(self.comments))
        self.assertTrue(any(c["sentiment_score"] < 0 for c in self.all if c["sentiment_score"] is not None))
        self.assertTrue(any(c["sentiment_score"] > 0 for c in self.all if c["sentiment_score"] is not None))

    def test_score_sort_walks_every_comment_once_in_order_both_ways(self):
        for sort, descending in (("sentiment_score", False), ("-sentiment_score", True)):
            walked = self.walk(f"comments?sort={sort}", limit=7)
            self.assertEqual(len(walked), len(self.all), sort)
            self.assertEqual({key(c) for c in walked}, {key(c) for c in self.all}, sort)
            scores = [score(c) for c in walked]
            self.assertEqual(scores, sorted(scores, reverse=descending), sort)
            # Ties (many comments score 0) are broken by (owner_id, id), the same way as the sort.
            for a, b in zip(walked, walked[1:]):
                if a["sentiment_score"] == b["sentiment_score"] == 0:
                    self.assertEqual(key(a) > key(b), descending, (sort, key(a), key(b)))

    def test_score_sort_combines_with_filters(self):
        walked = self.walk("comments?sort=sentiment_score&sentiment=negative", limit=5)
        self.assertEqual({key(c) for c in walked}, {key(c) for c in self.all if c["sentiment"] == "negative"})
        self.assertEqual([score(c) for c in walked], sorted(score(c) for c in walked))

    def test_score_bounds_select_exactly_the_comments_within(self):
        # Bounds halfway between the 3-decimal scores shown, so that rounding cannot blur the comparison.
        for low, high in ((-0.2005, None), (None, 0.3005), (-0.5005, 0.5005), (0.0005, None)):
            query = "&".join(f"{name}={value}" for name, value in (("min_score", low), ("max_score", high)) if value is not None)
            want = {key(c) for c in self.all if c["sentiment_score"] is not None
                    and (low is None or c["sentiment_score"] >= low) and (high is None or c["sentiment_score"] <= high)}
            self.assertTrue(want, query)
            self.assertLess(len(want), len(self.all), query)
            self.assertEqual({key(c) for c in self.walk(f"comments?{query}")}, want, query)
            total = self.get(f"comments?{query}&count=true&limit=1").json()["meta"]["total"]
            self.assertEqual(total, len(want), query)
            exported = self.get(f"export?what=comments&format=ndjson&{query}").body.decode().splitlines()
            self.assertEqual({key(json.loads(line)) for line in exported}, want, query)

    def test_bad_score_bounds_are_400(self):
        for query, field in (("min_score=-1.5", "min_score"), ("max_score=2", "max_score"), ("max_score=abc", "max_score"),
                             ("min_score=0.5&max_score=-0.5", "min_score")):
            for route in ("comments", "export", "analytics"):
                response = self.get(f"{route}?{query}")
                self.assertEqual(response.status, 400, (route, query))
                body = response.json()
                self.assertEqual(body["error"]["code"], "validation_failed")
                self.assertIn(field, [d["field"] for d in body["error"]["details"]], (route, query))

    def test_count_gives_the_exact_total_and_only_on_request(self):
        self.assertNotIn("total", self.get("comments?limit=3").json()["meta"])
        self.assertNotIn("total", self.get("posts?limit=3").json()["meta"])
        self.assertEqual(self.get("comments?limit=3&count=true").json()["meta"]["total"], len(self.all))
        negative = [c for c in self.all if c["sentiment"] == "negative"]
        self.assertEqual(self.get("comments?sentiment=negative&count=true&limit=2").json()["meta"]["total"], len(negative))
        self.assertEqual(self.get("posts?count=true&limit=1").json()["meta"]["total"], len(self.posts))
        community = -next(iter(self.posts))[0]
        in_community = [k for k in self.posts if k[0] == -community]
        self.assertEqual(self.get(f"posts?group_id={community}&count=true").json()["meta"]["total"], len(in_community))
        self.assertEqual(self.get("comments?q=zzzqqqxxyy&count=true").json()["meta"]["total"], 0)
        self.assertEqual(self.get("comments?count=maybe").status, 400)

    def test_posts_take_a_post_filter(self):
        owner_id, post_id = next(iter(self.posts))
        want = {k for k in self.posts if k[1] == post_id}
        self.assertEqual({key(p) for p in self.walk(f"posts?post_id={post_id}")}, want)
        self.assertEqual([key(p) for p in self.walk(f"posts?group_id={-owner_id}&post_id={post_id}")], [(owner_id, post_id)])
        self.assertEqual(self.get(f"posts?post_id={post_id}&count=true").json()["meta"]["total"], len(want))
        self.assertEqual(self.get("posts?post_id=abc").status, 400)

    def analytics(self, query=""):
        response = self.get(f"analytics?{query}")
        self.assertEqual(response.status, 200, (query, response.body))
        return response.json()["data"]

    def check_analytics_of(self, query, selected):
        data = self.analytics(query)
        self.assertEqual(data["totals"]["comments"], len(selected), query)
        self.assertEqual(data["totals"]["authors"], len({c["from_id"] for c in selected if c["from_id"]}), query)
        self.assertEqual(data["totals"]["comment_likes"], sum(c["likes"] for c in selected), query)
        for label in ("positive", "neutral", "negative"):
            self.assertEqual(data["sentiment"][label], sum(1 for c in selected if c["sentiment"] == label), (query, label))
        self.assertEqual(sum(day["comments"] for day in data["activity"]["by_day"]), len(selected), query)
        self.assertEqual(sum(data["activity"]["by_hour_of_week"]), len(selected), query)
        if selected:
            top = data["top_authors"][0]
            self.assertEqual(top["comments"], max(sum(1 for c in selected if c["from_id"] == a)
                                                  for a in {c["from_id"] for c in selected}), query)
        return data

    def test_analytics_take_the_comment_filters(self):
        negative = [c for c in self.all if c["sentiment"] == "negative"]
        self.assertTrue(negative)
        self.check_analytics_of("sentiment=negative", negative)
        author = max({c["from_id"] for c in self.all}, key=lambda a: sum(1 for c in self.all if c["from_id"] == a))
        self.check_analytics_of(f"author_id={author}", [c for c in self.all if c["from_id"] == author])
        dates = sorted(c["date"] for c in self.all)
        since, until = dates[len(dates) // 4], dates[3 * len(dates) // 4]
        window = [c for c in self.all if since <= c["date"] < until]
        self.check_analytics_of(f"since={since}&until={until}", window)
        self.check_analytics_of("min_score=0.0005",
                                [c for c in self.all if c["sentiment_score"] is not None and c["sentiment_score"] >= 0.0005])
        # A long word of some comment (not a mention like [id1|Name], which analysis leaves out of search).
        words = sorted({w.strip(".,!?\"'()«»") for c in self.all if not c["deleted"] for w in c["text"].split()},
                       key=lambda w: (-len(w), w))
        word = next(w for w in words if w.isalpha())
        found = self.walk(f"comments?q={urllib.parse.quote(word)}")
        self.assertTrue(found, word)
        self.check_analytics_of(f"q={urllib.parse.quote(word)}", found)
        both = [c for c in negative if c["from_id"] == author]
        self.check_analytics_of(f"sentiment=negative&author_id={author}", both)

    def test_filtered_analytics_are_cached_per_filter(self):
        whole = self.analytics()
        negative = self.analytics("sentiment=negative")
        positive = self.analytics("sentiment=positive")
        self.assertEqual(whole["totals"]["comments"], len(self.all))
        self.assertNotEqual(negative["totals"], positive["totals"])
        self.assertEqual(self.analytics("sentiment=negative"), negative)
        self.assertEqual(self.analytics(), whole)

    def test_keywords_sets_how_many_keywords_with_counts_and_scores(self):
        most = self.analytics("keywords=100")["top_keywords"]
        self.assertGreater(len(most), 3)
        default = self.analytics()["top_keywords"]
        self.assertEqual(default, most[:20])
        three = self.analytics("keywords=3")
        self.assertEqual(len(three["top_keywords"]), 3)
        self.assertEqual([k["keyword"] for k in three["top_keywords"]], [k["keyword"] for k in default[:3]])
        for item in three["top_keywords"]:
            self.assertEqual(set(item), {"keyword", "count", "score"})
            self.assertGreater(item["count"], 0)
            self.assertIsInstance(item["score"], (int, float))
        for group in three["groups"]:
            self.assertLessEqual(len(group["top_keywords"]), 3)
        # keywords=20 is not the default (20, and 5 per community): each has its own cache entry.
        self.assertEqual(max(len(g["top_keywords"]) for g in self.analytics()["groups"]), 5)
        self.assertGreater(max(len(g["top_keywords"]) for g in self.analytics("keywords=20")["groups"]), 5)
        for bad in ("0", "101", "x"):
            response = self.get(f"analytics?keywords={bad}")
            self.assertEqual(response.status, 400, bad)
            self.assertEqual([d["field"] for d in response.json()["error"]["details"]], ["keywords"])

    def test_unknown_query_parameters_are_refused_naming_the_allowed_ones(self):
        task = f"/api/v1/tasks/{self.task}"
        for path, allowed in ((f"{task}/comments?sentimnet=negative", "sentiment"),
                              (f"{task}/posts?sentiment=negative", "post_id"),
                              (f"{task}/analytics?sort=likes", "keywords"),
                              (f"{task}/export?what=comments&fromat=csv", "format"),
                              (f"{task}?verbose=1", None),
                              (f"{task}/events?since=1", None),
                              ("/api/v1/tasks?state=running", "status"),
                              ("/api/v1/audit?user=admin", "actor"),
                              ("/api/v1/users?role=admin", "cursor"),
                              ("/api/v1/api-keys?all=true", "limit"),
                              ("/api/v1/vk-tokens?kind=user", "limit")):
            response = self.server.request("GET", path)
            self.assertEqual(response.status, 400, (path, response.body))
            error = response.json()["error"]
            self.assertEqual(error["code"], "validation_failed", path)
            unknown = urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query)[-1][0]
            self.assertEqual([d["field"] for d in error["details"]], [unknown], path)
            if allowed:
                self.assertIn(allowed, error["message"], path)
            else:
                self.assertIn("no query parameters", error["message"], path)
        self.assertEqual(self.server.request("GET", f"{task}/comments?sentiment=negative&limit=1").status, 200)
        posts_only = self.server.request("GET", f"{task}/export?what=posts&sentiment=negative")
        self.assertEqual(posts_only.status, 400, "a comment filter on a posts export is not silently ignored")
        self.assertEqual([d["field"] for d in posts_only.json()["error"]["details"]], ["sentiment"])
        owner_id, post_id = next(iter(self.posts))
        exported = self.get(f"export?what=posts&format=ndjson&post_id={post_id}").body.decode().splitlines()
        self.assertEqual({key(json.loads(line)) for line in exported}, {k for k in self.posts if k[1] == post_id})

    def test_every_event_type_sent_is_listed_in_openapi(self):
        document = self.server.request("GET", "/api/v1/openapi.json").json()
        listed = set(document["components"]["schemas"]["TaskEvent"]["properties"]["type"]["enum"])
        text = self.get("events").body.decode()
        sent = {line[len("event: "):] for line in text.splitlines() if line.startswith("event: ")}
        self.assertIn("task.completed", sent | {"task.completed_with_errors"})
        self.assertLessEqual(sent, listed)
        for line in text.splitlines():
            if line.startswith("data: "):
                self.assertEqual(set(json.loads(line[len("data: "):])), {"task_id", "seq", "type", "at", "payload"})

    def test_scores_are_plain_decimals_in_json_and_ndjson(self):
        number = r"-?\d+(\.\d+)?"
        body = self.get("comments?limit=1000").body.decode()
        self.assertNotRegex(body, r'"sentiment_score":-?\d(\.\d+)?E')
        scores = re.findall(r'"sentiment_score":([^,}]+)', body)
        self.assertTrue(scores)
        for text in scores:
            self.assertRegex(text, rf"^(null|{number})$")
        self.assertIn('"sentiment_score":0,', body, "a zero score reads 0")
        ndjson = self.get("export?what=comments&format=ndjson").body.decode()
        for text in re.findall(r'"sentiment_score":([^,}]+)', ndjson):
            self.assertRegex(text, rf"^(null|{number})$")
        analytics = self.get("analytics").body.decode()
        for text in re.findall(r'"score":([^,}]+)', analytics):
            self.assertRegex(text, rf"^{number}$")


if __name__ == "__main__":
    unittest.main()
