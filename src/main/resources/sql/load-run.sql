-- The claimed job's storyboard and parameters (the body is the claimed row).
SELECT id, storyboard::text AS storyboard, audio_params::text AS audio_params
FROM jobs WHERE id = CAST(:#${body[id]} AS uuid)
