-- How the merged video just stored was mixed, and what its audio measured.
UPDATE merged_videos
SET mix = :#${exchangeProperty.run.videoMix.applied}, mix_note = :#${exchangeProperty.run.videoMix.note},
    loudness_integrated = :#${exchangeProperty.run.videoMix.integrated},
    loudness_true_peak = :#${exchangeProperty.run.videoMix.truePeak},
    loudness_range = :#${exchangeProperty.run.videoMix.range}
WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid)
