-- Comments by sentiment score (?sort=sentiment_score): a comment without a score sorts as 0.
CREATE INDEX comments_by_score ON comments ((COALESCE(sentiment_score, 0)), owner_id, id);
