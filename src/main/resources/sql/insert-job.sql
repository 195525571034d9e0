INSERT INTO jobs (id, video_name, video_url, storyboard)
VALUES (CAST(:#${body.id} AS uuid), :#${body.videoName}, :#${body.videoUrl}, CAST(:#${body.storyboardJson} AS jsonb))
