-- The claimed job's storyboard and parameters (the body is the claimed row), and the scenes it makes again when it
-- regenerates some (null: a full run).
SELECT id, storyboard::text AS storyboard, audio_params::text AS audio_params, regenerate::text AS regenerate
FROM jobs WHERE id = CAST(:#${body[id]} AS uuid)
