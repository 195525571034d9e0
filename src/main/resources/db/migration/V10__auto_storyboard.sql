-- A storyboard made from the job's video ("storyboard": "auto"): how it was made (settings, the video's length and
-- frame rate, cuts detected, scenes made). NULL: the storyboard was given.
ALTER TABLE jobs ADD COLUMN storyboard_made jsonb;
