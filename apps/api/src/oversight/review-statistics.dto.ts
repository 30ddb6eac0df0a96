import { ApiProperty } from '@nestjs/swagger';
import { PROCEDURE_TYPES } from '@lawgate/domain';
import { RateDto } from './oversight.dto';

/** The review figures of one department, one month or a procedure type as a whole. */
export class ReviewFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Procedures submitted (started) in the period' })
  volume: number;
  @ApiProperty({ type: RateDto, description: 'Review conclusions that passed the case, of all conclusions given' })
  passed: RateDto;
  @ApiProperty({
    type: RateDto,
    description: 'Review conclusions that returned the case for rework, of all conclusions given',
  })
  returned: RateDto;
}

export class DepartmentReviewFiguresDto extends ReviewFiguresDto {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: 'integer', description: 'Open tasks of the department’s procedures past their due time now' })
  overdue: number;
}

export class MonthlyReviewFiguresDto extends ReviewFiguresDto {
  @ApiProperty({ example: '2026-11' }) month: string;
}

export class TypeReviewStatisticsDto extends ReviewFiguresDto {
  @ApiProperty({ example: PROCEDURE_TYPES[0] }) type: string;
  @ApiProperty({ type: 'integer', description: 'Open tasks of this type past their due time now' })
  overdue: number;
  @ApiProperty({ type: [DepartmentReviewFiguresDto], description: 'Every department with a figure, by name' })
  byDepartment: DepartmentReviewFiguresDto[];
  @ApiProperty({ type: [MonthlyReviewFiguresDto], description: 'Every month of the period with a figure' })
  byMonth: MonthlyReviewFiguresDto[];
}

export class ReviewStatisticsDto {
  @ApiProperty({ example: '2025-12' }) fromMonth: string;
  @ApiProperty({ example: '2026-11' }) toMonth: string;
  @ApiProperty({
    type: [TypeReviewStatisticsDto],
    description: 'Each procedure type whose definition names its review outcomes, in registry order',
  })
  types: TypeReviewStatisticsDto[];
}
