INSERT INTO jobs (id, video_name, video_url, storyboard, storyboard_made)
VALUES (CAST(:#${body.id} AS uuid), :#${body.videoName}, :#${body.videoUrl}, CAST(:#${body.storyboardJson} AS jsonb),
        CAST(:#${body.autoJson} AS jsonb))
