import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One item of a JSON Feed 1.1 (https://jsonfeed.org/version/1.1); LawGate's own fields start with `_`. */
export class JsonFeedItemDto {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional({ format: 'uri' })
  url?: string;

  @ApiProperty()
  title!: string;

  @ApiPropertyOptional()
  content_text?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  date_published?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  date_modified?: string;
}

/** A JSON Feed 1.1 document. */
export class JsonFeedDto {
  @ApiProperty({ enum: ['https://jsonfeed.org/version/1.1'] })
  version!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uri' })
  home_page_url!: string;

  @ApiProperty({ format: 'uri' })
  feed_url!: string;

  @ApiProperty({ type: [JsonFeedItemDto] })
  items!: JsonFeedItemDto[];
}
